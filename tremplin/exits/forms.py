"""Exit and follow-up forms. The rules (dates against the contract, categories of the programme,
recording twice) live in services and come back on these fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput
from tremplin.programmes.rules.base import ExitGroup

from .models import ExitReason, Outcome


def category_choices(programme, *, with_sensitive: bool) -> list:
    """The programme's categories grouped by how they count; health, justice and death only for the social staff."""
    categories = [c for c in programme.rules.exit_categories if with_sensitive or not c.sensitive]
    choices: list = [("", _("— choisir —"))]
    for group in ExitGroup:
        options = [(c.code, c.label) for c in categories if c.group == group]
        if options:
            choices.append((group.label.capitalize(), options))
    return choices


class ExitForm(forms.Form):
    exit_on = forms.DateField(label=_("Date de sortie"), widget=DateInput())
    category = forms.ChoiceField(
        label=_("Situation à la sortie"),
        help_text=_(
            "Les catégories sont celles du dispositif ; elles disent comment la sortie compte dans les résultats."
        ),
    )
    reason = forms.ChoiceField(label=_("Motif de départ"), choices=[("", _("— choisir —"))] + list(ExitReason.choices))
    destination = forms.CharField(
        label=_("Employeur ou organisme de formation"),
        required=False,
        max_length=200,
        help_text=_("Obligatoire pour une sortie en emploi ou en formation."),
    )
    job_title = forms.CharField(label=_("Poste ou intitulé de la formation"), required=False, max_length=200)
    contract_start = forms.DateField(
        label=_("Début du nouveau contrat ou de la formation"), required=False, widget=DateInput()
    )
    contract_months = forms.IntegerField(
        label=_("Durée du nouveau contrat, en mois"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_("Laissez vide pour un CDI : la durée distingue un emploi durable d'un emploi de transition."),
    )
    weekly_hours = forms.DecimalField(
        label=_("Heures par semaine du nouveau contrat"), required=False, min_value=1, max_value=48, decimal_places=2
    )
    comment = forms.CharField(
        label=_("Précisions"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    confirm_early_end = forms.BooleanField(label=_("Rompre le contrat en cours à la date de sortie"), required=False)

    def __init__(self, *args, programme, with_sensitive: bool, running_contract=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices(programme, with_sensitive=with_sensitive)
        if running_contract is None:
            del self.fields["confirm_early_end"]
        else:
            self.fields["confirm_early_end"].help_text = _(
                "Le contrat en cours finit le %(end)s. Une sortie avant cette date le rompt ; à partir de cette date, "
                "il est noté comme arrivé à son terme."
            ) % {"end": running_contract.planned_end_date.strftime("%d/%m/%Y")}
        if not self.is_bound:
            self.initial.setdefault("exit_on", timezone.localdate())


class FollowUpForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date du contact"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Situation de la personne"), choices=Outcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("contacted_on", timezone.localdate())


class CallForm(forms.Form):
    """The time of the call on the due date; the person may be told by SMS or e-mail when they will be phoned."""

    call_time = forms.TimeField(
        label=_("Heure de l'appel"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Facultatif. Sans heure, la personne n'est pas prévenue de l'appel."),
    )
    send = forms.BooleanField(
        label=_("Prévenir la personne par SMS ou courriel"),
        required=False,
        initial=True,
        help_text=_("Selon ses préférences ; rien ne part sans son accord pour être contactée."),
    )


class IndicatorsFilterForm(forms.Form):
    programme = forms.ChoiceField(label=_("Dispositif"), required=False)
    start = forms.DateField(label=_("Sorties du"), required=False, widget=DateInput())
    end = forms.DateField(label=_("au"), required=False, widget=DateInput())

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.programmes = {str(p.public_id): p for p in programmes}
        self.fields["programme"].choices = [("", _("tous les dispositifs"))] + [
            (key, p.name) for key, p in self.programmes.items()
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("La fin de la période doit être égale ou postérieure à son début."))
        return data

    def chosen_programme(self):
        return self.programmes.get(self.cleaned_data.get("programme") or "")
