"""France — work-integration structures (SIAE): ACI, EI, AI, ETTI.

Sources and choices are in docs/decisions/0002-french-eligibility-and-cddi.md.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tremplin.core.dates import add_months, age_on

from .base import (
    ContractInput,
    Criterion,
    EligibilityResult,
    ExitCategory,
    ExitGroup,
    ExtensionReason,
    PersonFacts,
    ProgrammeKind,
    ProofInput,
    RuleSet,
    Violation,
)
from .common import (
    chain_bounds,
    check_contract_dates,
    check_proofs,
    contract_dates_usable,
    contract_hours_usable,
    last_day_within,
)

THREE_MONTHS = 92
SIX_MONTHS = 183

CRITERIA = (
    # Level 1: one is enough.
    Criterion("rsa", gettext_lazy("Bénéficiaire du RSA"), 1, gettext_lazy("attestation CAF ou MSA"), THREE_MONTHS),
    Criterion(
        "ass",
        gettext_lazy("Bénéficiaire de l'allocation de solidarité spécifique (ASS)"),
        1,
        gettext_lazy("attestation France Travail"),
        THREE_MONTHS,
    ),
    Criterion(
        "aah",
        gettext_lazy("Bénéficiaire de l'allocation aux adultes handicapés (AAH)"),
        1,
        gettext_lazy("notification de droits en cours"),
        None,
    ),
    Criterion(
        "job_seeker_24_months",
        gettext_lazy("Demandeur·se d'emploi inscrit·e depuis 24 mois ou plus"),
        1,
        gettext_lazy("relevé de situation France Travail"),
        THREE_MONTHS,
    ),
    # Level 2: three are needed (two for an ETTI).
    Criterion(
        "low_qualification",
        gettext_lazy("Niveau de formation CAP/BEP ou inférieur"),
        2,
        gettext_lazy("déclaration ou justificatif de scolarité"),
        None,
    ),
    Criterion("aged_50_plus", gettext_lazy("50 ans ou plus"), 2, gettext_lazy("pièce d'identité"), None),
    Criterion("under_26", gettext_lazy("Moins de 26 ans"), 2, gettext_lazy("pièce d'identité"), None),
    Criterion(
        "child_welfare_leaver",
        gettext_lazy("Sortant·e de l'aide sociale à l'enfance"),
        2,
        gettext_lazy("attestation du service de l'aide sociale à l'enfance"),
        None,
    ),
    Criterion(
        "job_seeker_12_24_months",
        gettext_lazy("Demandeur·se d'emploi inscrit·e depuis 12 à 24 mois"),
        2,
        gettext_lazy("relevé de situation France Travail"),
        THREE_MONTHS,
    ),
    Criterion(
        "disabled_worker",
        gettext_lazy("Travailleur·se handicapé·e reconnu·e (RQTH ou équivalent)"),
        2,
        gettext_lazy("décision de la MDPH en cours de validité"),
        None,
    ),
    Criterion("single_parent", gettext_lazy("Parent isolé"), 2, gettext_lazy("attestation CAF"), THREE_MONTHS),
    Criterion(
        "homeless",
        gettext_lazy("Sans hébergement ou hébergé·e"),
        2,
        gettext_lazy("attestation d'hébergement ou de domiciliation"),
        THREE_MONTHS,
    ),
    Criterion(
        "refugee_or_asylum",
        gettext_lazy("Réfugié·e, protection subsidiaire ou temporaire, demandeur·se d'asile"),
        2,
        gettext_lazy("titre de séjour ou récépissé en cours de validité"),
        None,
    ),
    Criterion(
        "rural_zone",
        gettext_lazy("Domicile en zone de revitalisation rurale (ZRR)"),
        2,
        gettext_lazy("justificatif de domicile"),
        THREE_MONTHS,
    ),
    Criterion(
        "priority_district",
        gettext_lazy("Domicile en quartier prioritaire de la politique de la ville (QPV)"),
        2,
        gettext_lazy("justificatif de domicile"),
        THREE_MONTHS,
    ),
    Criterion(
        "justice",
        gettext_lazy("Sortant·e de détention ou placé·e sous main de justice"),
        2,
        gettext_lazy("attestation du SPIP ou de l'établissement"),
        SIX_MONTHS,
    ),
    Criterion(
        "french_below_a1",
        gettext_lazy("Maîtrise du français inférieure au niveau A1"),
        2,
        gettext_lazy("évaluation d'un organisme de formation ou du prescripteur"),
        None,
    ),
    Criterion(
        "mobility",
        gettext_lazy("Difficulté de mobilité diagnostiquée par un prescripteur habilité"),
        2,
        gettext_lazy("attestation du prescripteur"),
        SIX_MONTHS,
    ),
)

# Pairs the national platform refuses together.
EXCLUSIVE_PAIRS = (
    ("aged_50_plus", "under_26"),
    ("job_seeker_24_months", "job_seeker_12_24_months"),
)

# Exit outcomes of the SIAE ("sorties dynamiques" of the State's yearly review of each structure).
# Groups: DGEFP's definitions of lasting job, transition job and positive exit, as gathered in
# /work/shared/DESIGN.md; the 6-month threshold splits fixed-term and temporary work. The other
# exits and the non-counted cases (health, justice, death, retirement, moving away, and any exit
# within 3 months of entry) are our reading of the State's practice: see
# docs/decisions/0005-exit-categories.md, which says what is sourced and what is assumed.
EXIT_CATEGORIES = (
    ExitCategory("cdi", gettext_lazy("Contrat à durée indéterminée (CDI)"), ExitGroup.LASTING),
    ExitCategory("cdd_6_months_plus", gettext_lazy("CDD de 6 mois ou plus"), ExitGroup.LASTING, min_months=6),
    ExitCategory("temp_work_6_months_plus", gettext_lazy("Intérim de 6 mois ou plus"), ExitGroup.LASTING, min_months=6),
    ExitCategory("civil_service", gettext_lazy("Titularisation dans la fonction publique"), ExitGroup.LASTING),
    ExitCategory("business_creation", gettext_lazy("Création ou reprise d'entreprise"), ExitGroup.LASTING),
    ExitCategory("cdd_under_6_months", gettext_lazy("CDD de moins de 6 mois"), ExitGroup.TRANSITION, max_months=6),
    ExitCategory(
        "temp_work_under_6_months", gettext_lazy("Intérim de moins de 6 mois"), ExitGroup.TRANSITION, max_months=6
    ),
    ExitCategory(
        "subsidised_contract",
        gettext_lazy("Contrat aidé chez un employeur de droit commun"),
        ExitGroup.TRANSITION,
    ),
    ExitCategory("qualifying_training", gettext_lazy("Formation qualifiante ou pré-qualifiante"), ExitGroup.POSITIVE),
    ExitCategory(
        "other_siae", gettext_lazy("Embauche dans une autre structure d'insertion (SIAE)"), ExitGroup.POSITIVE
    ),
    ExitCategory("job_seeker", gettext_lazy("Au chômage, en recherche d'emploi"), ExitGroup.OTHER),
    ExitCategory("inactive", gettext_lazy("Sans activité, sans recherche d'emploi"), ExitGroup.OTHER),
    ExitCategory("no_news", gettext_lazy("Sans nouvelles de la personne"), ExitGroup.OTHER),
    ExitCategory("other", gettext_lazy("Autre situation"), ExitGroup.OTHER),
    ExitCategory("retirement", gettext_lazy("Départ à la retraite"), ExitGroup.NOT_COUNTED),
    ExitCategory("moved_away", gettext_lazy("Déménagement hors du territoire"), ExitGroup.NOT_COUNTED),
    ExitCategory(
        "long_illness",
        gettext_lazy("Maladie de longue durée ou invalidité"),
        ExitGroup.NOT_COUNTED,
        sensitive=True,
    ),
    ExitCategory("imprisonment", gettext_lazy("Incarcération"), ExitGroup.NOT_COUNTED, sensitive=True),
    ExitCategory("death", gettext_lazy("Décès"), ExitGroup.NOT_COUNTED, sensitive=True, follow_up=False),
)
# An exit within 3 months of the first day of contract does not count in the results.
MIN_STAY_MONTHS_FOR_COUNTED_EXIT = 3

MIN_MONTHS = 4
MAX_MONTHS = 24
MAX_MONTHS_AGE_OR_DISABILITY = 60
MIN_WEEKLY_HOURS = 20
MAX_WEEKLY_HOURS = 35
# Absolute weekly maximum of the Code du travail (L3121-20); the only ceiling left for ETTI missions.
LEGAL_MAX_WEEKLY_HOURS = 48


class FranceSIAE(RuleSet):
    country = "FR"
    criteria = CRITERIA
    eligibility_validity_months = 6
    level2_needed = 3
    # EI, AI and ETTI: no legal ratio; ACI overrides.
    max_workers_per_supervisor = None
    applies_cddi_minimums = True
    exit_categories = EXIT_CATEGORIES
    min_stay_months_for_counted_exit = MIN_STAY_MONTHS_FOR_COUNTED_EXIT

    def __init__(self, kind: str):
        self.kind = kind

    def evaluate_eligibility(
        self, proofs: list[ProofInput], person: PersonFacts, on: datetime.date
    ) -> EligibilityResult:
        chosen = {p.criterion_code for p in proofs}
        met, violations = check_proofs(self.criteria_by_code, proofs, on)
        by_code = self.criteria_by_code
        for first, second in EXCLUSIVE_PAIRS:
            if first in chosen and second in chosen:
                violations.append(
                    Violation(
                        "criteria",
                        "exclusive_criteria",
                        _("Les critères « %(a)s » et « %(b)s » ne peuvent pas être retenus ensemble.")
                        % {"a": by_code[first].label, "b": by_code[second].label},
                    )
                )
        if person.birth_date is not None:
            age = age_on(person.birth_date, on)
            if "aged_50_plus" in chosen and age < 50:
                violations.append(
                    Violation(
                        "criteria",
                        "age_mismatch",
                        _("Critère « 50 ans ou plus » : la personne a %(age)s ans selon sa date de naissance.")
                        % {"age": age},
                    )
                )
            if "under_26" in chosen and age >= 26:
                violations.append(
                    Violation(
                        "criteria",
                        "age_mismatch",
                        _("Critère « Moins de 26 ans » : la personne a %(age)s ans selon sa date de naissance.")
                        % {"age": age},
                    )
                )
        errors = [v for v in violations if v.is_error]
        if errors:
            return EligibilityResult(eligible=False, met=[], violations=violations)

        level1 = [c for c in met if by_code[c].level == 1]
        level2 = [c for c in met if by_code[c].level == 2]
        eligible = bool(level1) or len(level2) >= self.level2_needed
        if eligible:
            valid_until = add_months(on, self.eligibility_validity_months) - datetime.timedelta(days=1)
            summary = (
                _("Éligible : un critère de niveau 1 est justifié.")
                if level1
                else _("Éligible : %(n)s critères de niveau 2 sont justifiés (%(needed)s requis).")
                % {"n": len(level2), "needed": self.level2_needed}
            )
            return EligibilityResult(True, met=met, valid_until=valid_until, summary=summary)
        summary = _(
            "Non éligible : aucun critère de niveau 1, et critères de niveau 2 justifiés : %(n)s sur %(needed)s requis."
        ) % {"n": len(level2), "needed": self.level2_needed}
        return EligibilityResult(False, met=met, summary=summary)

    def check_contract(self, contract: ContractInput, person: PersonFacts) -> list[Violation]:
        """Every rule whose data is usable, so that all refusals show at once."""
        violations = check_contract_dates(contract)
        if contract_dates_usable(contract):
            violations += self._check_duration(contract, person)
        if contract_hours_usable(contract):
            violations += self._check_hours(contract)
        return violations

    def _check_duration(self, contract: ContractInput, person: PersonFacts) -> list[Violation]:
        violations: list[Violation] = []
        chain_start, end = chain_bounds(contract)
        reason = contract.extension_reason or ExtensionReason.NONE

        if self.applies_cddi_minimums and not contract.is_renewal:
            if end < last_day_within(contract.start_date, MIN_MONTHS) and reason != ExtensionReason.SENTENCE_ADJUSTMENT:
                violations.append(
                    Violation(
                        "planned_end_date",
                        "contract_too_short",
                        _(
                            "Un contrat d'insertion dure au moins %(min)s mois : avec un début le %(start)s, "
                            "la fin prévue doit être au plus tôt le %(earliest)s (sauf personne sous main de justice)."
                        )
                        % {
                            "min": MIN_MONTHS,
                            "start": contract.start_date.strftime("%d/%m/%Y"),
                            "earliest": last_day_within(contract.start_date, MIN_MONTHS).strftime("%d/%m/%Y"),
                        },
                    )
                )

        limit_24 = last_day_within(chain_start, MAX_MONTHS)
        if end > limit_24:
            if reason == ExtensionReason.AGED_50_OR_DISABLED:
                if not contract.is_renewal:
                    violations.append(
                        Violation(
                            "extension_reason",
                            "extension_needs_renewal",
                            _(
                                "La prolongation au-delà de 24 mois pour âge ou handicap se fait par un "
                                "renouvellement du contrat, pas dès le premier contrat."
                            ),
                        )
                    )
                # The condition is met when the prolongation begins, not when the pathway began.
                age = age_on(person.birth_date, contract.start_date) if person.birth_date else None
                if not (person.recognised_disability or (age is not None and age >= 50)):
                    violations.append(
                        Violation(
                            "extension_reason",
                            "extension_not_applicable",
                            _(
                                "La prolongation au-delà de 24 mois pour âge ou handicap ne s'applique qu'à une "
                                "personne de 50 ans ou plus ou reconnue travailleur handicapé."
                            ),
                        )
                    )
                limit_60 = last_day_within(chain_start, MAX_MONTHS_AGE_OR_DISABILITY)
                if end > limit_60:
                    violations.append(
                        Violation(
                            "planned_end_date",
                            "contract_too_long",
                            _(
                                "Même prolongés, les contrats d'insertion ne peuvent pas dépasser 60 mois (fin au %(limit)s)."
                            )
                            % {"limit": limit_60.strftime("%d/%m/%Y")},
                        )
                    )
            elif reason == ExtensionReason.TRAINING_IN_PROGRESS:
                if not contract.is_renewal:
                    violations.append(
                        Violation(
                            "extension_reason",
                            "extension_needs_renewal",
                            _("La prolongation pour achever une formation se fait par un renouvellement du contrat."),
                        )
                    )
                else:
                    violations.append(
                        Violation(
                            "extension_reason",
                            "training_extension",
                            _(
                                "Prolongation au-delà de 24 mois pour achever une formation : gardez la preuve de la formation en cours."
                            ),
                            severity="warning",
                        )
                    )
            else:
                violations.append(
                    Violation(
                        "planned_end_date",
                        "contract_too_long",
                        _(
                            "Les contrats d'insertion d'un même parcours durent au plus %(max)s mois au total : "
                            "commencé le %(start)s, le parcours doit finir au plus tard le %(limit)s, "
                            "sauf prolongation justifiée."
                        )
                        % {
                            "max": MAX_MONTHS,
                            "start": chain_start.strftime("%d/%m/%Y"),
                            "limit": limit_24.strftime("%d/%m/%Y"),
                        },
                    )
                )

        return violations

    def _check_hours(self, contract: ContractInput) -> list[Violation]:
        violations: list[Violation] = []
        hours = contract.weekly_hours
        if not self.applies_cddi_minimums and hours > LEGAL_MAX_WEEKLY_HOURS:
            violations.append(
                Violation(
                    "weekly_hours",
                    "hours_above_legal_maximum",
                    _("La durée hebdomadaire ne peut pas dépasser la durée maximale légale de %(max)s heures.")
                    % {"max": LEGAL_MAX_WEEKLY_HOURS},
                )
            )
        if self.applies_cddi_minimums and hours > MAX_WEEKLY_HOURS:
            violations.append(
                Violation(
                    "weekly_hours",
                    "hours_too_many",
                    _("La durée hebdomadaire d'un contrat d'insertion est de %(max)s heures au plus.")
                    % {"max": MAX_WEEKLY_HOURS},
                )
            )
        if self.applies_cddi_minimums and hours < MIN_WEEKLY_HOURS and not contract.reduced_hours_reason.strip():
            violations.append(
                Violation(
                    "reduced_hours_reason",
                    "reduced_hours_without_reason",
                    _(
                        "En dessous de %(min)s heures par semaine, le contrat doit indiquer pourquoi "
                        "(difficultés de la personne) : renseignez le motif."
                    )
                    % {"min": MIN_WEEKLY_HOURS},
                )
            )
        return violations


class FranceACI(FranceSIAE):
    max_workers_per_supervisor = 12


class FranceETTI(FranceSIAE):
    """Temporary-work missions: the 4-month and 20-hour floors of the CDDI do not apply."""

    level2_needed = 2
    applies_cddi_minimums = False


def build(kind: str) -> FranceSIAE:
    if kind == ProgrammeKind.FR_ACI:
        return FranceACI(kind)
    if kind == ProgrammeKind.FR_ETTI:
        return FranceETTI(kind)
    return FranceSIAE(kind)


# PASS IAE numbers (les emplois de l'inclusion): 12 characters. Those the platform issues are its ASP prefix
# "99999" followed by 7 digits (its test environments use "XXXXX"); approvals from France Travail
# (formerly Pôle emploi) kept their 12-digit agency number. So: 12 digits, or XXXXX and 7 digits.
PASS_IAE_LENGTH = 12


def normalise_pass_iae(value: str) -> str:
    return "".join(ch for ch in (value or "") if not ch.isspace()).upper()


def pass_iae_problem(value: str) -> str | None:
    """Why `value` is not a PASS IAE number, or None when it is one (normalised first)."""
    if len(value) != PASS_IAE_LENGTH:
        return _(
            "Un numéro de PASS IAE compte 12 caractères (par exemple 999990012345) ; celui-ci en compte %(n)s."
        ) % {"n": len(value)}
    if value.isdigit() or (value.startswith("XXXXX") and value[5:].isdigit()):
        return None
    return _("Un numéro de PASS IAE ne contient que des chiffres (12 chiffres, par exemple 999990012345).")


def pass_iae_dates_problem(start, end) -> str | None:
    if start and end and end < start:
        return _("La fin de validité du PASS IAE ne peut pas précéder son début.")
    return None
