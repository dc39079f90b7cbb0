"""The eligibility form is built from the programme's criteria, so each country's rules bring their own fields.

Field names follow the rules' Violation fields (`proof_date_<code>`, `proof_reference_<code>`,
`criteria`, `made_on`) so that every refusal lands next to the input it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tremplin.core.forms import DateInput
from tremplin.programmes.rules.base import Criterion, ProofInput, RuleSet


@dataclass
class CriterionRow:
    """One criterion with its three bound fields, for the template."""

    criterion: Criterion
    checkbox: forms.BoundField
    proof_date: forms.BoundField
    proof_reference: forms.BoundField


def proof_help(criterion: Criterion) -> str:
    """The proof a criterion expects and how old it may be."""
    days = criterion.proof_max_age_days
    if days is None:
        age = str(_("sans limite d'ancienneté"))
    else:
        age = ngettext("daté de moins de %(days)s jour", "daté de moins de %(days)s jours", days) % {"days": days}
    return str(_("Justificatif attendu : %(proof)s, %(age)s.") % {"proof": criterion.proof, "age": age})


@dataclass
class CriterionGroup:
    level: int
    title: str
    rule: str
    rows: list[CriterionRow]


def group_texts(rules: RuleSet, level: int) -> tuple[str, str]:
    """Heading and rule of one group of criteria, with the numbers taken from the rule set."""
    if level == 1:
        return str(_("Critères de niveau 1")), str(_("Un seul critère de niveau 1 justifié suffit."))
    if level == 2:
        needed = getattr(rules, "level2_needed", None)
        rule = (
            _("À défaut d'un critère de niveau 1, il en faut au moins %(n)s de niveau 2, chacun justifié.")
            % {"n": needed}
            if needed
            else _("Critères complémentaires.")
        )
        return str(_("Critères de niveau 2")), str(rule)
    if rules.country == "BE":
        return str(_("Conditions de l'article 60 §7")), str(_("Toutes les conditions doivent être justifiées."))
    if rules.country == "IT":
        return (
            str(_("Statut de personne défavorisée")),
            str(_("Un statut attesté par un document de l'administration publique suffit ; indiquez sa référence.")),
        )
    return str(_("Critères du dispositif")), ""


class EligibilityForm(forms.Form):
    """Date, criteria met with their proofs, and a comment."""

    made_on = forms.DateField(label=_("Date du diagnostic"), widget=DateInput())
    # Carries the errors that concern the criteria as a whole (exclusive criteria, age);
    # it is never rendered as an input.
    criteria = forms.Field(label=_("Critères retenus"), required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, *args, rules: RuleSet, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.fields["made_on"].initial = timezone.localdate
        for criterion in rules.criteria:
            code = criterion.code
            self.fields[f"criterion_{code}"] = forms.BooleanField(
                label=criterion.label, required=False, help_text=proof_help(criterion)
            )
            self.fields[f"proof_date_{code}"] = forms.DateField(
                label=_("Date du justificatif — %(label)s") % {"label": criterion.label},
                required=False,
                widget=DateInput(),
            )
            self.fields[f"proof_reference_{code}"] = forms.CharField(
                label=_("Référence du justificatif — %(label)s") % {"label": criterion.label},
                required=False,
                max_length=120,
            )
        self.fields["comment"] = forms.CharField(
            label=_("Commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 3})
        )

    def clean(self):
        cleaned = super().clean()
        for criterion in self.rules.criteria:
            code = criterion.code
            if not cleaned.get(f"criterion_{code}") and cleaned.get(f"proof_date_{code}"):
                self.add_error(
                    f"criterion_{code}",
                    _(
                        "Critère « %(label)s » : une date de justificatif est indiquée mais le critère n'est pas "
                        "coché. Cochez-le ou effacez la date."
                    )
                    % {"label": criterion.label},
                )
        return cleaned

    def proofs(self) -> list[ProofInput]:
        """The checked criteria, as the rules expect them."""
        return [
            ProofInput(
                criterion_code=c.code,
                proof_date=self.cleaned_data.get(f"proof_date_{c.code}"),
                proof_reference=(self.cleaned_data.get(f"proof_reference_{c.code}") or "").strip(),
            )
            for c in self.rules.criteria
            if self.cleaned_data.get(f"criterion_{c.code}")
        ]

    def groups(self) -> list[CriterionGroup]:
        groups: dict[int, CriterionGroup] = {}
        for criterion in self.rules.criteria:
            if criterion.level not in groups:
                title, rule = group_texts(self.rules, criterion.level)
                groups[criterion.level] = CriterionGroup(criterion.level, title, rule, [])
            code = criterion.code
            groups[criterion.level].rows.append(
                CriterionRow(
                    criterion,
                    self[f"criterion_{code}"],
                    self[f"proof_date_{code}"],
                    self[f"proof_reference_{code}"],
                )
            )
        return [groups[level] for level in sorted(groups)]

    def error_links(self) -> list[tuple[str, str, str]]:
        """(anchor, label, message) of every field error, for the summary at the top of the form."""
        links = []
        for name in self.fields:
            anchor = "criteria" if name == "criteria" else self[name].id_for_label
            for error in self.errors.get(name, []):
                links.append((anchor, str(self.fields[name].label), error))
        return links
