"""Recording an eligibility diagnosis: the programme's rules decide, this module records."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.pathways.models import Status
from tremplin.pathways.services import change_status
from tremplin.programmes.rules.base import EligibilityResult, PersonFacts, ProofInput

from .models import CriterionProof, EligibilityDiagnosis


def person_facts(person) -> PersonFacts:
    return PersonFacts(birth_date=person.birth_date, recognised_disability=person.recognised_disability)


def evaluate(pathway, proofs: list[ProofInput], on: datetime.date) -> EligibilityResult:
    return pathway.programme.rules.evaluate_eligibility(proofs, person_facts(pathway.person), on)


def record_diagnosis(
    pathway, proofs: list[ProofInput], *, on: datetime.date, by, comment: str = ""
) -> EligibilityDiagnosis:
    """Evaluates and saves a diagnosis, then moves a candidate to eligible or not eligible.

    Raises ValidationError (keyed by form field) when the input breaks a rule;
    nothing is written then.
    """
    if pathway.status not in (Status.CANDIDATE, Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.WITHDRAWN):
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _("L'éligibilité se vérifie avant le contrat : ce parcours est au statut « %(s)s ».")
                % {"s": pathway.get_status_display()}
            }
        )
    if on > timezone.localdate():
        raise ValidationError({"made_on": _("La date du diagnostic ne peut pas être dans le futur.")})
    result = evaluate(pathway, proofs, on)
    if result.errors:
        errors: dict = {}
        for violation in result.errors:
            errors.setdefault(violation.field or NON_FIELD_ERRORS, []).append(violation.message)
        raise ValidationError(errors)
    criteria = pathway.programme.rules.criteria_by_code
    with transaction.atomic():
        diagnosis = EligibilityDiagnosis.objects.create(
            pathway=pathway,
            made_on=on,
            made_by=by,
            is_eligible=result.eligible,
            valid_until=result.valid_until,
            summary=result.summary,
            comment=comment,
        )
        CriterionProof.objects.bulk_create(
            CriterionProof(
                diagnosis=diagnosis,
                criterion_code=proof.criterion_code,
                criterion_label=str(criteria[proof.criterion_code].label),
                level=criteria[proof.criterion_code].level,
                proof_description=str(criteria[proof.criterion_code].proof),
                proof_date=proof.proof_date,
                proof_reference=proof.proof_reference,
            )
            for proof in proofs
            if proof.criterion_code in result.met
        )
        target = Status.ELIGIBLE if result.eligible else Status.NOT_ELIGIBLE
        if pathway.status != target:
            if pathway.status == Status.WITHDRAWN:
                change_status(pathway, Status.CANDIDATE, by=by, reason=_("Nouvel examen de l'éligibilité"))
            change_status(pathway, target, by=by, reason=result.summary)
    return diagnosis
