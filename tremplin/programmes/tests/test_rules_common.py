"""Vocabulary and checks shared by every programme: registry, dates, proofs."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tremplin.programmes.rules import ProgrammeKind, RuleSet, get_rules
from tremplin.programmes.rules.base import (
    ContractInput,
    Criterion,
    EligibilityResult,
    PersonFacts,
    ProofInput,
    Severity,
    Violation,
)
from tremplin.programmes.rules.common import chain_bounds, check_contract_dates, check_proofs, last_day_within

FAST = settings(max_examples=200, deadline=None)
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))
ONE_DAY = datetime.timedelta(days=1)
ALL_KINDS = [kind.value for kind in ProgrammeKind]
CRITERIA_WITH_MAX_AGE = [
    (kind, criterion) for kind in ALL_KINDS for criterion in get_rules(kind).criteria if criterion.proof_max_age_days
]


def contract(**overrides) -> ContractInput:
    values = {
        "start_date": datetime.date(2025, 3, 1),
        "planned_end_date": datetime.date(2025, 6, 30),
        "weekly_hours": Decimal("26"),
    }
    values.update(overrides)
    return ContractInput(**values)


def codes(violations) -> list[str]:
    return [v.code for v in violations]


# Registry --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_programme_kind_has_a_rule_set_with_criteria(kind):
    rules = get_rules(kind)
    assert isinstance(rules, RuleSet)
    assert rules.kind == kind
    assert rules.country == kind[:2].upper()
    assert rules.criteria
    assert len(rules.criteria_by_code) == len(rules.criteria), "criterion codes must be unique"


def test_get_rules_returns_the_same_rule_set_each_time():
    assert get_rules(ProgrammeKind.FR_ACI) is get_rules(ProgrammeKind.FR_ACI)


def test_get_rules_refuses_an_unknown_kind():
    with pytest.raises(KeyError):
        get_rules("xx_unknown")


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_criterion_has_a_label_a_proof_and_a_sensible_level(kind):
    for criterion in get_rules(kind).criteria:
        assert str(criterion.label)
        assert str(criterion.proof)
        assert criterion.level in (0, 1, 2)
        assert criterion.proof_max_age_days is None or criterion.proof_max_age_days > 0


# Violation and result ----------------------------------------------------------


def test_a_violation_is_an_error_unless_it_is_a_warning():
    assert Violation("start_date", "x", "message").is_error
    assert Violation("start_date", "x", "message", severity=Severity.ERROR).is_error
    assert not Violation("start_date", "x", "message", severity="warning").is_error


def test_an_eligibility_result_lists_only_its_errors():
    error = Violation("criteria", "a", "a")
    warning = Violation("criteria", "b", "b", severity=Severity.WARNING)
    assert EligibilityResult(False, violations=[warning, error]).errors == [error]


# Contract dates ----------------------------------------------------------------


def test_a_complete_contract_passes_the_date_checks():
    assert check_contract_dates(contract()) == []


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"start_date": None}, "start_date", "start_required"),
        ({"planned_end_date": None}, "planned_end_date", "end_required"),
        ({"planned_end_date": datetime.date(2025, 2, 28)}, "planned_end_date", "end_before_start"),
        ({"weekly_hours": None}, "weekly_hours", "hours_required"),
        ({"weekly_hours": Decimal("0")}, "weekly_hours", "hours_positive"),
        ({"weekly_hours": Decimal("-3")}, "weekly_hours", "hours_positive"),
    ],
)
def test_contract_date_checks_name_the_field_and_the_rule(overrides, field, code):
    violations = check_contract_dates(contract(**overrides))
    assert [(v.field, v.code) for v in violations] == [(field, code)]
    assert violations[0].is_error
    assert violations[0].message


def test_a_one_day_contract_is_not_refused_for_its_dates():
    assert check_contract_dates(contract(planned_end_date=datetime.date(2025, 3, 1))) == []


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_programme_stops_at_missing_dates_without_crashing(kind):
    violations = get_rules(kind).check_contract(
        contract(start_date=None, planned_end_date=None, weekly_hours=None),
        person=PersonFacts(),
    )
    assert {"start_required", "end_required", "hours_required"} <= set(codes(violations))


# An hours figure each programme refuses, and the rule that refuses it.
HOURS_REFUSED = {
    ProgrammeKind.FR_ACI: (Decimal("15"), "reduced_hours_reason", "reduced_hours_without_reason"),
    ProgrammeKind.FR_EI: (Decimal("15"), "reduced_hours_reason", "reduced_hours_without_reason"),
    ProgrammeKind.FR_AI: (Decimal("15"), "reduced_hours_reason", "reduced_hours_without_reason"),
    ProgrammeKind.FR_ETTI: (Decimal("50"), "weekly_hours", "hours_above_legal_maximum"),
    ProgrammeKind.BE_ARTICLE_60: (Decimal("10"), "weekly_hours", "below_half_time"),
    ProgrammeKind.IT_COOP_B: (Decimal("45"), "weekly_hours", "above_full_time"),
}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_an_end_before_the_start_does_not_hide_the_hours_rule(kind):
    hours, field, code = HOURS_REFUSED[kind]
    violations = get_rules(kind).check_contract(
        contract(planned_end_date=datetime.date(2025, 2, 1), weekly_hours=hours), person=PersonFacts()
    )
    found = {(v.field, v.code) for v in violations if v.is_error}
    assert {("planned_end_date", "end_before_start"), (field, code)} <= found


def test_chain_bounds_start_at_the_first_contract_of_the_chain():
    renewal = contract(
        start_date=datetime.date(2025, 7, 1),
        planned_end_date=datetime.date(2025, 12, 31),
        chain_start_date=datetime.date(2025, 3, 1),
        is_renewal=True,
    )
    assert chain_bounds(renewal) == (datetime.date(2025, 3, 1), datetime.date(2025, 12, 31))
    assert chain_bounds(contract()) == (datetime.date(2025, 3, 1), datetime.date(2025, 6, 30))


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        ("2025-03-01", 4, "2025-06-30"),
        ("2025-01-01", 24, "2026-12-31"),
        ("2025-10-31", 4, "2026-02-27"),
        ("2023-10-31", 4, "2024-02-28"),
        ("2024-02-29", 24, "2026-02-27"),
    ],
)
def test_last_day_within_is_the_day_before_the_same_day_months_later(start, months, last):
    assert last_day_within(datetime.date.fromisoformat(start), months) == datetime.date.fromisoformat(last)


@FAST
@given(days, st.integers(min_value=1, max_value=60))
def test_last_day_within_is_never_before_the_start_and_grows_with_months(start, months):
    last = last_day_within(start, months)
    assert start <= last < last_day_within(start, months + 1)


# Proofs ------------------------------------------------------------------------

RSA = Criterion("rsa", "Bénéficiaire du RSA", 1, "attestation CAF", 92)
ID = Criterion("id", "Pièce d'identité", 2, "pièce d'identité", None)
CRITERIA = {c.code: c for c in (RSA, ID)}
ON = datetime.date(2025, 6, 1)


def test_a_recent_proof_meets_its_criterion():
    met, violations = check_proofs(CRITERIA, [ProofInput("rsa", ON - datetime.timedelta(days=10))], ON)
    assert met == ["rsa"]
    assert violations == []


def test_an_unknown_criterion_is_refused_on_the_criteria_field():
    met, violations = check_proofs(CRITERIA, [ProofInput("lottery_winner", ON)], ON)
    assert met == []
    assert [(v.field, v.code) for v in violations] == [("criteria", "unknown_criterion")]
    assert "lottery_winner" in violations[0].message


def test_a_criterion_without_proof_date_is_refused_on_its_date_field():
    met, violations = check_proofs(CRITERIA, [ProofInput("rsa", None)], ON)
    assert met == []
    assert [(v.field, v.code) for v in violations] == [("proof_date_rsa", "proof_required")]
    assert "attestation CAF" in violations[0].message


def test_a_proof_dated_after_the_diagnosis_is_refused():
    met, violations = check_proofs(CRITERIA, [ProofInput("rsa", ON + ONE_DAY)], ON)
    assert met == []
    assert [(v.field, v.code) for v in violations] == [("proof_date_rsa", "proof_in_future")]


def test_a_proof_dated_on_the_diagnosis_day_is_accepted():
    assert check_proofs(CRITERIA, [ProofInput("rsa", ON)], ON) == (["rsa"], [])


def test_a_proof_one_day_past_its_maximum_age_is_refused_with_its_date_and_age():
    proof_date = ON - datetime.timedelta(days=93)
    met, violations = check_proofs(CRITERIA, [ProofInput("rsa", proof_date)], ON)
    assert met == []
    assert [(v.field, v.code) for v in violations] == [("proof_date_rsa", "proof_too_old")]
    assert proof_date.strftime("%d/%m/%Y") in violations[0].message
    assert "92 jours" in violations[0].message


def test_a_proof_without_maximum_age_never_expires():
    assert check_proofs(CRITERIA, [ProofInput("id", datetime.date(1990, 1, 1))], ON) == (["id"], [])


def test_the_same_criterion_given_twice_is_refused_and_counted_once():
    met, violations = check_proofs(CRITERIA, [ProofInput("rsa", ON), ProofInput("rsa", ON)], ON)
    assert met == ["rsa"]
    assert [(v.field, v.code) for v in violations] == [("criteria", "duplicate_criterion")]


def test_each_bad_proof_gets_its_own_message_and_good_ones_still_count():
    met, violations = check_proofs(
        CRITERIA, [ProofInput("rsa", None), ProofInput("id", ON), ProofInput("nope", ON)], ON
    )
    assert met == ["id"]
    assert codes(violations) == ["proof_required", "unknown_criterion"]


@FAST
@given(st.sampled_from(CRITERIA_WITH_MAX_AGE), days)
def test_every_proof_is_accepted_exactly_at_its_maximum_age_and_refused_one_day_later(kind_and_criterion, on):
    kind, criterion = kind_and_criterion
    by_code = get_rules(kind).criteria_by_code
    limit = on - datetime.timedelta(days=criterion.proof_max_age_days)
    assert check_proofs(by_code, [ProofInput(criterion.code, limit, "ref")], on) == ([criterion.code], [])
    met, violations = check_proofs(by_code, [ProofInput(criterion.code, limit - ONE_DAY, "ref")], on)
    assert met == []
    assert [(v.field, v.code) for v in violations] == [(f"proof_date_{criterion.code}", "proof_too_old")]


def test_some_criteria_have_a_maximum_proof_age():
    assert {kind for kind, _ in CRITERIA_WITH_MAX_AGE} >= {ProgrammeKind.FR_ACI, ProgrammeKind.BE_ARTICLE_60}
