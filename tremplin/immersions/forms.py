"""Immersion forms. Rules (dates, tutor, codes, the PMSMP month) live in services and come back on these fields."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.employers.models import Company
from tremplin.professional_project.widgets import JobCombobox

from .models import Conclusion, Immersion

FIELDS = [
    "company",
    "host_name",
    "host_address",
    "job_title",
    "job_code",
    "tutor_name",
    "tutor_role",
    "tutor_phone",
    "tutor_email",
    "starts_on",
    "ends_on",
    "arrival_time",
    "objective",
    "objective_details",
    "schedule",
    "weekly_hours",
    "prescriber",
]
WIDGETS = {
    "job_title": JobCombobox(value="title", code_field="job_code"),
    "starts_on": DateInput(),
    "ends_on": DateInput(),
    "arrival_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    "objective_details": forms.Textarea(attrs={"rows": 3}),
    "schedule": forms.Textarea(attrs={"rows": 2}),
}


class _DatesInOrder:
    """The end before the start gets the service's own message on the field (rather than the model
    constraint's general one)."""

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on",
                _("Dernier jour : il ne peut pas précéder le premier jour (%(start)s).")
                % {"start": date_format(starts_on, "SHORT_DATE_FORMAT")},
            )
        return data


class _CompanyMixin:
    """The host may be picked in the structure's network; its name is then taken from it."""

    def _set_company(self, structure) -> None:
        self.fields["company"] = BoundedModelChoiceField(
            label=_("Entreprise du réseau"),
            queryset=Company.objects.filter(structure=structure).order_by("name"),
            required=False,
            help_text=_("Facultatif. Sinon, écrivez le nom de l'entreprise d'accueil ci-dessous."),
        )
        self.fields["host_name"].required = False
        self.order_fields(FIELDS)

    def clean(self):
        data = super().clean()
        company = data.get("company")
        if company is not None and not (data.get("host_name") or "").strip():
            data["host_name"] = company.name
            self.instance.host_name = company.name
        return data


class ImmersionForm(_CompanyMixin, _DatesInOrder, forms.ModelForm):
    class Meta:
        model = Immersion
        fields = FIELDS
        widgets = WIDGETS

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_company(structure)


class ImmersionEditForm(ConcurrentEditMixin, _CompanyMixin, _DatesInOrder, forms.ModelForm):
    class Meta:
        model = Immersion
        fields = FIELDS
        widgets = WIDGETS

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_company(structure)


LEVEL_CHOICES = [("", _("non observé"))] + [(str(level), str(level)) for level in range(6)]
VOICE_LABELS = {"person": _("la personne"), "tutor": _("le tuteur"), "counsellor": _("le conseiller")}


class EvaluationForm(forms.Form):
    """The date, one level per criterion for each of the three voices, their words and the conclusion."""

    evaluated_on = forms.DateField(label=_("Date du bilan"), widget=DateInput())
    person_view = forms.CharField(
        label=_("Ce qu'en dit la personne"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    tutor_view = forms.CharField(
        label=_("Ce qu'en dit le tuteur"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    counsellor_view = forms.CharField(
        label=_("Ce qu'en dit le ou la conseillère"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=Conclusion.choices, widget=forms.RadioSelect)
    conclusions = forms.CharField(
        label=_("Conclusions et suites"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.level_fields = {}
        if not self.is_bound:
            self.initial.setdefault("evaluated_on", timezone.localdate())
        for index, item in enumerate(items):
            for voice, who in VOICE_LABELS.items():
                name = f"level_{index}_{voice}"
                self.fields[name] = forms.ChoiceField(
                    label=_("%(criterion)s — niveau donné par %(who)s") % {"criterion": item.label, "who": who},
                    choices=LEVEL_CHOICES,
                    required=False,
                )
                self.level_fields[(index, voice)] = name

    def grid_rows(self):
        """(item, [bound field per voice]) for the table."""
        return [
            (item, [self[self.level_fields[(index, voice)]] for voice in VOICE_LABELS])
            for index, item in enumerate(self.items)
        ]

    def main_fields(self):
        return [self[name] for name in ("evaluated_on",)]

    def view_fields(self):
        return [self[name] for name in ("person_view", "tutor_view", "counsellor_view", "conclusion", "conclusions")]

    def levels(self) -> dict:
        result = {}
        for (index, voice), name in self.level_fields.items():
            value = self.cleaned_data.get(name)
            result.setdefault(self.items[index].key, {})[voice] = int(value) if value not in (None, "") else None
        return result

    @classmethod
    def initial_from(cls, evaluation, items) -> dict:
        initial = {
            name: getattr(evaluation, name)
            for name in ("evaluated_on", "person_view", "tutor_view", "counsellor_view", "conclusion", "conclusions")
        }
        saved = {row["key"]: row for row in evaluation.scores}
        for index, item in enumerate(items):
            for voice in VOICE_LABELS:
                value = (saved.get(item.key) or {}).get(voice)
                initial[f"level_{index}_{voice}"] = "" if value is None else str(value)
        return initial
