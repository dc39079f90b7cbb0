from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.core.visibility import Visibility
from tremplin.review_meetings.forms import TimeInput
from tremplin.review_meetings.services import staff_of

from .models import Workshop

DATE_RANGE_DAYS = 366


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "theme",
            "title",
            "date",
            "start_time",
            "end_time",
            "place",
            "facilitator_user",
            "facilitator_partner",
            "facilitator_name",
            "notes",
            "notes_visibility",
        ]
        widgets = {
            "date": DateInput,
            "start_time": TimeInput,
            "end_time": TimeInput,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"facilitator_user": BoundedModelChoiceField, "facilitator_partner": BoundedModelChoiceField}

    def __init__(self, *args, structure, **kwargs):
        from tremplin.partners.models import PartnerOrganisation

        super().__init__(*args, **kwargs)
        self.structure = structure
        self.fields["facilitator_user"].queryset = staff_of(structure)
        self.fields["facilitator_user"].error_messages["invalid_choice"] = _(
            "Animé par (équipe) : choisissez un membre actif de votre structure."
        )
        self.fields["facilitator_partner"].queryset = PartnerOrganisation.objects.in_directory_of(structure).order_by(
            "name"
        )
        self.fields["facilitator_partner"].error_messages["invalid_choice"] = _(
            "Animé par (partenaire) : choisissez un partenaire de votre annuaire."
        )
        self.fields["notes_visibility"].choices = [
            (Visibility.WHOLE_TEAM, Visibility.WHOLE_TEAM.label),
            (Visibility.SOCIAL_STAFF_ONLY, Visibility.SOCIAL_STAFF_ONLY.label),
        ]
        self.fields["title"].error_messages["required"] = _("Intitulé : donnez un nom à l'atelier.")
        self.fields["date"].error_messages["required"] = _("Date : indiquez la date de l'atelier.")
        self.fields["date"].error_messages["invalid"] = _("Date : saisissez une date valide.")
        self.fields["theme"].error_messages["required"] = _("Thème : choisissez un thème.")

    def clean_date(self):
        date = self.cleaned_data["date"]
        if abs((date - timezone.localdate()).days) > DATE_RANGE_DAYS:
            raise forms.ValidationError(_("Date : l'atelier doit avoir lieu à moins d'un an d'aujourd'hui."))
        return date


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=DateInput, required=False)
    end = forms.DateField(label=_("Au"), widget=DateInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].error_messages["invalid"] = _("Du : saisissez une date valide.")
        self.fields["end"].error_messages["invalid"] = _("Au : saisissez une date valide.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("Au : la fin de la période doit suivre son début."))
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The chosen period, by default from the first of January to today."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("start") or today.replace(month=1, day=1), data.get("end") or today
