"""eligibility.services: record_diagnosis and evaluate, against the database."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from tremplin.accounts.factories import UserFactory
from tremplin.core.dates import add_months
from tremplin.eligibility.models import CriterionProof, EligibilityDiagnosis
from tremplin.eligibility.services import evaluate, person_facts, record_diagnosis
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.base import ProofInput

pytestmark = pytest.mark.django_db


def staff():
    """A staff user; no usable password, so no slow hashing."""
    return UserFactory(password=None)


ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def counsellor():
    return staff()


def new_pathway(structure, kind=ProgrammeKind.FR_ACI, status=Status.CANDIDATE, **person):
    return PathwayFactory(
        person=PersonFactory(structure=structure, **person),
        programme=ProgrammeFactory(structure=structure, kind=kind),
        status=status,
    )


def snapshot(pathway) -> tuple:
    """What a refused diagnosis must leave untouched."""
    pathway.refresh_from_db()
    return (
        pathway.status,
        EligibilityDiagnosis.objects.count(),
        CriterionProof.objects.count(),
        StatusChange.objects.filter(pathway=pathway).count(),
    )


# Favourable and unfavourable diagnoses ------------------------------------------------------


def test_a_level_1_criterion_makes_the_candidate_eligible_and_keeps_the_proof(structure, counsellor, today):
    pathway = new_pathway(structure)
    proof_date = today - datetime.timedelta(days=10)
    diagnosis = record_diagnosis(
        pathway, [ProofInput("rsa", proof_date, "CAF 123")], on=today, by=counsellor, comment="Vu en entretien"
    )
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    assert diagnosis.is_eligible
    assert diagnosis.made_on == today
    assert diagnosis.made_by == counsellor
    assert diagnosis.valid_until == add_months(today, 6) - ONE_DAY
    assert diagnosis.comment == "Vu en entretien"
    assert "niveau 1" in diagnosis.summary
    [proof] = diagnosis.proofs.all()
    assert (proof.criterion_code, proof.level, proof.proof_date, proof.proof_reference) == (
        "rsa",
        1,
        proof_date,
        "CAF 123",
    )
    assert proof.criterion_label == "Bénéficiaire du RSA"
    assert proof.proof_description == "attestation CAF ou MSA"
    change = pathway.status_changes.first()
    assert (change.from_status, change.to_status, change.changed_by) == (Status.CANDIDATE, Status.ELIGIBLE, counsellor)
    assert change.reason == diagnosis.summary


def test_too_few_criteria_move_the_candidate_to_not_eligible_and_keep_what_was_proven(structure, counsellor, today):
    pathway = new_pathway(structure)
    diagnosis = record_diagnosis(
        pathway, [ProofInput("low_qualification", today), ProofInput("mobility", today)], on=today, by=counsellor
    )
    pathway.refresh_from_db()
    assert pathway.status == Status.NOT_ELIGIBLE
    assert not diagnosis.is_eligible
    assert diagnosis.valid_until is None
    assert sorted(diagnosis.proofs.values_list("criterion_code", flat=True)) == ["low_qualification", "mobility"]
    assert "Non éligible" in diagnosis.summary


def test_two_level_2_criteria_are_enough_in_an_etti(structure, counsellor, today):
    pathway = new_pathway(structure, kind=ProgrammeKind.FR_ETTI)
    record_diagnosis(
        pathway, [ProofInput("low_qualification", today), ProofInput("mobility", today)], on=today, by=counsellor
    )
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE


def test_a_new_favourable_diagnosis_of_an_eligible_pathway_keeps_its_status(structure, counsellor, today):
    pathway = new_pathway(structure, status=Status.ELIGIBLE)
    record_diagnosis(pathway, [ProofInput("aah", today)], on=today, by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    assert not pathway.status_changes.exists()
    assert pathway.eligibility_diagnoses.count() == 1


def test_an_unfavourable_review_moves_an_eligible_pathway_to_not_eligible(structure, counsellor, today):
    pathway = new_pathway(structure, status=Status.ELIGIBLE)
    record_diagnosis(pathway, [], on=today, by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.NOT_ELIGIBLE


def test_a_not_eligible_pathway_becomes_eligible_with_new_proofs(structure, counsellor, today):
    pathway = new_pathway(structure, status=Status.NOT_ELIGIBLE)
    record_diagnosis(pathway, [ProofInput("ass", today)], on=today, by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE


def test_a_withdrawn_candidate_comes_back_through_candidate(structure, counsellor, today):
    pathway = new_pathway(structure, status=Status.WITHDRAWN)
    record_diagnosis(pathway, [ProofInput("rsa", today)], on=today, by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    steps = list(pathway.status_changes.order_by("id").values_list("from_status", "to_status"))
    assert steps == [(Status.WITHDRAWN, Status.CANDIDATE), (Status.CANDIDATE, Status.ELIGIBLE)]


def test_a_diagnosis_dated_in_the_past_is_valid_from_that_date(structure, counsellor, today):
    pathway = new_pathway(structure)
    on = today - datetime.timedelta(days=40)
    diagnosis = record_diagnosis(pathway, [ProofInput("rsa", on)], on=on, by=counsellor)
    assert diagnosis.valid_until == add_months(on, 6) - ONE_DAY
    assert diagnosis.is_valid_on(today)


def test_an_article_60_diagnosis_needs_the_three_conditions(structure, counsellor, today):
    pathway = new_pathway(structure, kind=ProgrammeKind.BE_ARTICLE_60)
    conditions = ["social_integration_income", "legal_stay", "no_full_unemployment_benefit"]
    record_diagnosis(pathway, [ProofInput(c, today) for c in conditions], on=today, by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    assert pathway.eligibility_diagnoses.get().proofs.count() == 3


def test_a_type_b_diagnosis_is_valid_twelve_months(structure, counsellor, today):
    pathway = new_pathway(structure, kind=ProgrammeKind.IT_COOP_B)
    diagnosis = record_diagnosis(pathway, [ProofInput("addiction", today, "ASL 2025/44")], on=today, by=counsellor)
    assert diagnosis.valid_until == add_months(today, 12) - ONE_DAY


# Refusals: nothing is written ----------------------------------------------------------------


def test_a_future_date_is_refused_on_the_date_field_and_nothing_is_written(structure, counsellor, today):
    pathway = new_pathway(structure)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(pathway, [ProofInput("rsa", today)], on=today + ONE_DAY, by=counsellor)
    assert list(refused.value.message_dict) == ["made_on"]
    assert "futur" in refused.value.message_dict["made_on"][0]
    assert snapshot(pathway) == before


def test_today_is_accepted(structure, counsellor, today):
    record_diagnosis(new_pathway(structure), [ProofInput("rsa", today)], on=today, by=counsellor)
    assert EligibilityDiagnosis.objects.count() == 1


def test_exclusive_criteria_are_refused_on_the_criteria_field_and_nothing_is_written(structure, counsellor, today):
    pathway = new_pathway(structure)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(
            pathway,
            [ProofInput("aged_50_plus", today), ProofInput("under_26", today), ProofInput("rsa", today)],
            on=today,
            by=counsellor,
        )
    assert list(refused.value.message_dict) == ["criteria"]
    assert snapshot(pathway) == before


def test_each_faulty_proof_is_reported_on_its_own_field(structure, counsellor, today):
    pathway = new_pathway(structure)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(
            pathway,
            [
                ProofInput("rsa", today - datetime.timedelta(days=93)),
                ProofInput("mobility", None),
                ProofInput("homeless", today),
            ],
            on=today,
            by=counsellor,
        )
    assert set(refused.value.message_dict) == {"proof_date_rsa", "proof_date_mobility"}
    assert snapshot(pathway) == before


def test_a_criterion_given_twice_is_refused_instead_of_breaking_the_database(structure, counsellor, today):
    pathway = new_pathway(structure)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(pathway, [ProofInput("rsa", today), ProofInput("rsa", today)], on=today, by=counsellor)
    assert list(refused.value.message_dict) == ["criteria"]
    assert snapshot(pathway) == before


def test_an_italian_status_without_public_document_is_refused(structure, counsellor, today):
    pathway = new_pathway(structure, kind=ProgrammeKind.IT_COOP_B)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(pathway, [ProofInput("addiction", today, "")], on=today, by=counsellor)
    assert list(refused.value.message_dict) == ["proof_reference_addiction"]
    assert snapshot(pathway) == before


@pytest.mark.parametrize("status", [Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP, Status.CLOSED])
def test_eligibility_is_not_recorded_once_the_pathway_is_past_the_contract(structure, counsellor, today, status):
    pathway = new_pathway(structure, status=status)
    before = snapshot(pathway)
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(pathway, [ProofInput("rsa", today)], on=today, by=counsellor)
    assert list(refused.value.message_dict) == [NON_FIELD_ERRORS]
    assert snapshot(pathway) == before


# Person facts -----------------------------------------------------------------------------------


def test_the_persons_birth_date_is_checked_against_age_criteria(structure, counsellor, today):
    pathway = new_pathway(structure, birth_date=today.replace(year=today.year - 40, day=1))
    with pytest.raises(ValidationError) as refused:
        record_diagnosis(
            pathway,
            [ProofInput("aged_50_plus", today), ProofInput("homeless", today), ProofInput("mobility", today)],
            on=today,
            by=counsellor,
        )
    assert "40 ans" in refused.value.message_dict["criteria"][0]


def test_person_facts_carry_birth_date_and_disability(structure):
    person = PersonFactory(structure=structure, birth_date=datetime.date(1970, 5, 4), recognised_disability=True)
    facts = person_facts(person)
    assert (facts.birth_date, facts.recognised_disability) == (datetime.date(1970, 5, 4), True)


def test_evaluate_writes_nothing(structure, today):
    pathway = new_pathway(structure)
    result = evaluate(pathway, [ProofInput("rsa", today)], today)
    assert result.eligible
    assert not EligibilityDiagnosis.objects.exists()
    pathway.refresh_from_db()
    assert pathway.status == Status.CANDIDATE
