"""Application forms. Rules (steps, dates, codes) live in services and come back on these fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.employers.models import Company
from tremplin.professional_project.widgets import JobCombobox

from .models import Application, ApplicationStatus
from .services import FIRST_STATUSES, PreparationKind


class _CompanyMixin:
    """The employer may be picked in the structure's network; the name is then taken from it."""

    def _set_company(self, structure) -> None:
        self.fields["company"] = BoundedModelChoiceField(
            label=_("Entreprise du réseau"),
            queryset=Company.objects.filter(structure=structure).order_by("name"),
            required=False,
            help_text=_("Facultatif. Sinon, écrivez le nom de l'employeur ci-dessous."),
        )
        self.fields["employer_name"].required = False
        self.order_fields(["company", "employer_name"])

    def clean(self):
        data = super().clean()
        company = data.get("company")
        if company is not None and not (data.get("employer_name") or "").strip():
            data["employer_name"] = company.name
            self.instance.employer_name = company.name
        return data


class ApplicationForm(_CompanyMixin, forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Étape"),
        choices=[(value, label) for value, label in ApplicationStatus.choices if value in FIRST_STATUSES],
        initial=ApplicationStatus.APPLIED,
    )

    class Meta:
        model = Application
        fields = [
            "company",
            "employer_name",
            "job_title",
            "job_code",
            "channel",
            "status",
            "status_on",
            "next_step",
            "next_step_on",
            "employer_feedback",
        ]
        widgets = {
            "job_title": JobCombobox(value="title", code_field="job_code"),
            "status_on": DateInput(),
            "next_step_on": DateInput(),
            "employer_feedback": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_company(structure)
        self.fields["status_on"].label = _("Date de l'étape")
        self.fields["status_on"].required = False
        self.fields["status_on"].help_text = _("Aujourd'hui si vous laissez vide.")
        if not self.is_bound and "status_on" not in self.initial:
            self.initial["status_on"] = timezone.localdate()


class ApplicationEditForm(ConcurrentEditMixin, _CompanyMixin, forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "company",
            "employer_name",
            "job_title",
            "job_code",
            "channel",
            "employer_feedback",
            "next_step",
            "next_step_on",
        ]
        widgets = {
            "job_title": JobCombobox(value="title", code_field="job_code"),
            "next_step_on": DateInput(),
            "employer_feedback": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_company(structure)


class _AnyStatusField(forms.ChoiceField):
    """Shows only the steps that may come next, but accepts any step, so that an impossible move
    gets the service's message with its reason rather than a bare "invalid choice"."""

    def valid_value(self, value) -> bool:
        return value in ApplicationStatus.values


class MoveForm(forms.Form):
    to_status = _AnyStatusField(label=_("Nouvelle étape"))
    on = forms.DateField(label=_("Date"), widget=DateInput())
    employer_feedback = forms.CharField(
        label=_("Retour de l'employeur"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_step = forms.CharField(label=_("Prochaine étape"), required=False, max_length=200)
    next_step_on = forms.DateField(label=_("Date de la prochaine étape"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Précisions sur cette étape"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ApplicationStatus.choices)
        self.fields["to_status"].choices = [(value, labels[value]) for value in application.next_statuses()]
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())
            self.initial.setdefault("next_step", application.next_step)
            self.initial.setdefault("next_step_on", application.next_step_on)


class PrepareForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("À ajouter au plan d'action"),
        choices=[
            (PreparationKind.PREPARATION, _("une séance de préparation à l'entretien")),
            (PreparationKind.SIMULATION, _("une simulation d'entretien")),
        ],
        widget=forms.RadioSelect,
    )
    due_date = forms.DateField(label=_("Prévue le"), required=False, widget=DateInput())
