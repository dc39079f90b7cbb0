from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.action_plan.models import Section
from tremplin.core.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField, DateInput
from tremplin.core.visibility import Visibility

from .models import ReviewMeeting
from .services import MAX_MONTHS, staff_of

# A meeting is planned (or recorded afterwards) within a year of today.
DATE_RANGE_DAYS = 366


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class MeetingForm(forms.ModelForm):
    participants = BoundedModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Participant·es de l'équipe"),
    )

    class Meta:
        model = ReviewMeeting
        fields = ["kind", "date", "start_time", "place", "participants", "external_participants"]
        widgets = {"date": DateInput, "start_time": TimeInput}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = staff_of(structure)
        self.fields["participants"].error_messages["invalid_choice"] = _(
            "Participant·es : choisissez des membres actifs de votre structure."
        )
        self.fields["participants"].help_text = _(
            "Vous êtes ajouté·e d'office. Un·e encadrant·e technique ne verra que les personnes de son équipe, "
            "sans ce qui est réservé à l'équipe sociale."
        )
        self.fields["kind"].error_messages["required"] = _("Type de réunion : choisissez un type.")
        self.fields["date"].error_messages["required"] = _("Date : indiquez la date de la réunion.")
        self.fields["date"].error_messages["invalid"] = _("Date : saisissez une date valide.")

    def clean_date(self):
        date = self.cleaned_data["date"]
        today = timezone.localdate()
        if abs((date - today).days) > DATE_RANGE_DAYS:
            raise forms.ValidationError(_("Date : la réunion doit avoir lieu à moins d'un an d'aujourd'hui."))
        return date


class HelperForm(forms.Form):
    """Which people to propose: by contract end, by plan review, or everyone followed."""

    CONTRACT = "contract"
    REVIEW = "review"
    EVERYONE = "everyone"

    helper = forms.ChoiceField(
        label=_("Proposer"),
        choices=[
            (CONTRACT, _("les personnes dont le contrat se termine dans les prochains mois")),
            (REVIEW, _("les personnes dont le plan d'action n'a pas été revu depuis plusieurs mois")),
            (EVERYONE, _("toutes les personnes suivies (choix à la main)")),
        ],
        initial=CONTRACT,
        widget=forms.RadioSelect,
    )
    months = forms.IntegerField(
        label=_("Nombre de mois"),
        min_value=1,
        max_value=MAX_MONTHS,
        initial=3,
        required=False,
        help_text=_("Pour les deux premiers choix : de 1 à %(max)s mois.") % {"max": MAX_MONTHS},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["months"].error_messages.update(
            {
                "invalid": _("Nombre de mois : indiquez un nombre entier."),
                "min_value": _("Nombre de mois : au moins 1."),
                "max_value": _("Nombre de mois : au plus %(limit_value)s."),
            }
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("helper") in (self.CONTRACT, self.REVIEW) and cleaned.get("months") is None:
            if "months" not in self.errors:
                self.add_error("months", _("Nombre de mois : indiquez un nombre de mois."))
        return cleaned


DECISION_VISIBILITIES = [
    (Visibility.WHOLE_TEAM, Visibility.WHOLE_TEAM.label),
    (Visibility.SOCIAL_STAFF_ONLY, Visibility.SOCIAL_STAFF_ONLY.label),
]


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Décision"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(
        label=_("Visibilité"),
        choices=DECISION_VISIBILITIES,
        initial=Visibility.WHOLE_TEAM,
        help_text=_(
            "« Équipe sociale uniquement » : ni les encadrant·es ni leur version du compte rendu ne la montrent."
        ),
    )
    create_action = forms.BooleanField(label=_("Créer une action dans le plan de la personne"), required=False)
    section = forms.ChoiceField(label=_("Rubrique de l'action"), choices=[("", "—"), *Section.choices], required=False)
    title = forms.CharField(label=_("Action"), max_length=200, required=False)
    owner_user = BoundedModelChoiceField(queryset=None, label=_("Porteur de l'action"), required=False)
    due_date = forms.DateField(label=_("Échéance de l'action"), widget=DateInput, required=False)

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = staff_of(structure)
        self.fields["owner_user"].error_messages["invalid_choice"] = _(
            "Porteur de l'action : choisissez un membre actif de votre structure."
        )
        self.fields["text"].error_messages["required"] = _("Décision : écrivez ce que l'équipe a décidé.")
        self.fields["due_date"].error_messages["invalid"] = _("Échéance de l'action : saisissez une date valide.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("create_action"):
            return cleaned
        if not cleaned.get("section"):
            self.add_error("section", _("Rubrique de l'action : choisissez une rubrique du plan."))
        if not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Action : décrivez l'action en quelques mots."))
        if cleaned.get("owner_user") is None and "owner_user" not in self.errors:
            self.add_error("owner_user", _("Porteur de l'action : choisissez le membre de l'équipe qui la porte."))
        due = cleaned.get("due_date")
        if due is None and "due_date" not in self.errors:
            self.add_error("due_date", _("Échéance de l'action : indiquez une date."))
        elif due is not None and due < timezone.localdate():
            self.add_error("due_date", _("Échéance de l'action : elle ne peut pas être passée."))
        elif due is not None and due > timezone.localdate() + datetime.timedelta(days=3 * 366):
            self.add_error("due_date", _("Échéance de l'action : elle doit tomber dans les trois ans."))
        return cleaned

    def action_fields(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("create_action"):
            return None
        return {
            "section": data["section"],
            "title": data["title"],
            "owner_user": data["owner_user"],
            "due_date": data["due_date"],
        }
