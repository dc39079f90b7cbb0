"""Contract forms. Field names are those the programme rules name in their refusals."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.programmes.rules.base import ExtensionReason, ProgrammeKind
from tremplin.structures.models import Worksite

from .models import Contract, EarlyEndReason
from .services import ContractTerms


class ContractForm(forms.Form):
    """Terms of a first contract or of a renewal (a renewal's start date is fixed, so the field is dropped).

    Country-specific fields appear only for the programmes they concern.
    """

    start_date = forms.DateField(label=_("Date de début"), widget=DateInput())
    planned_end_date = forms.DateField(label=_("Date de fin prévue"), widget=DateInput())
    weekly_hours = forms.DecimalField(label=_("Heures par semaine"), max_digits=4, decimal_places=2)
    position = forms.CharField(label=_("Poste"), max_length=200)
    worksite = BoundedModelChoiceField(
        label=_("Chantier ou atelier"), queryset=Worksite.objects.none(), required=False, empty_label=_("aucun")
    )
    reduced_hours_reason = forms.CharField(
        label=_("Motif d'une durée réduite"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    extension_reason = forms.ChoiceField(
        label=_("Motif de dérogation à la durée"),
        choices=ExtensionReason.choices,
        required=False,
        help_text=_(
            "Seulement pour dépasser les durées habituelles : 24 mois au total, ou moins de 4 mois "
            "pour une personne sous main de justice."
        ),
    )
    work_days_needed = forms.IntegerField(
        label=_("Jours de travail nécessaires pour ouvrir les droits au chômage"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_("La durée du contrat article 60 dépend de ce nombre."),
    )
    host_organisation = forms.CharField(
        label=_("Organisme utilisateur"),
        max_length=200,
        required=False,
        help_text=_("Où la personne travaille ; laissez vide si elle travaille au CPAS même."),
    )

    def __init__(self, *args, pathway, renewal_of: Contract | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pathway = pathway
        self.renewal_of = renewal_of
        rules = pathway.programme.rules
        self.fields["worksite"].queryset = Worksite.objects.filter(structure_id=pathway.structure_id, is_active=True)
        if renewal_of is not None:
            del self.fields["start_date"]
        if rules.country == "FR":
            if getattr(rules, "applies_cddi_minimums", True):
                self.fields["reduced_hours_reason"].help_text = _(
                    "Obligatoire en dessous de 20 heures par semaine : ce qui, dans la situation de la personne, "
                    "justifie une durée réduite."
                )
        else:
            del self.fields["extension_reason"]
        if pathway.programme.kind != ProgrammeKind.BE_ARTICLE_60:
            del self.fields["work_days_needed"]
            del self.fields["host_organisation"]

    @property
    def contract_start(self) -> datetime.date | None:
        if self.renewal_of is not None:
            return self.renewal_of.planned_end_date + datetime.timedelta(days=1)
        return self.cleaned_data.get("start_date")

    def terms(self) -> ContractTerms:
        data = self.cleaned_data
        return ContractTerms(
            start_date=self.contract_start,
            planned_end_date=data.get("planned_end_date"),
            weekly_hours=data.get("weekly_hours"),
            position=data.get("position", "").strip(),
            worksite=data.get("worksite"),
            reduced_hours_reason=data.get("reduced_hours_reason", "").strip(),
            extension_reason=data.get("extension_reason", ""),
            work_days_needed=data.get("work_days_needed"),
            host_organisation=data.get("host_organisation", "").strip(),
        )


def renewal_initial(previous: Contract) -> dict:
    """A renewal usually keeps the terms of the contract it renews."""
    return {
        "weekly_hours": previous.weekly_hours,
        "position": previous.position,
        "worksite": previous.worksite_id,
        "reduced_hours_reason": previous.reduced_hours_reason,
        "extension_reason": previous.extension_reason,
        "work_days_needed": previous.work_days_needed,
        "host_organisation": previous.host_organisation,
    }


class SuspensionForm(forms.Form):
    start_date = forms.DateField(label=_("Début de la suspension"), widget=DateInput())
    end_date = forms.DateField(label=_("Fin de la suspension"), widget=DateInput())
    reason = forms.CharField(
        label=_("Motif"), max_length=200, help_text=_("Par exemple : arrêt maladie, congé parental, incarcération.")
    )


class EarlyEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Date de rupture"), widget=DateInput(), initial=timezone.localdate)
    reason = forms.ChoiceField(
        label=_("Motif de rupture"), choices=[("", _("Choisissez un motif")), *EarlyEndReason.choices]
    )
    comment = forms.CharField(label=_("Précisions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == EarlyEndReason.OTHER and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Avec le motif « Autre motif », précisez la raison de la rupture."))
        return cleaned


class CancellationForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : la personne a trouvé un autre emploi, le chantier ne démarre pas."),
        error_messages={"required": _("Indiquez pourquoi le contrat ne commencera pas.")},
    )
