"""Italy, type-B social co-operatives (law 381/1991) and disability quotas (law 68/1999)."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tremplin.core.dates import add_months
from tremplin.programmes.rules import ProgrammeKind, get_rules
from tremplin.programmes.rules.base import ContractInput, PersonFacts, ProofInput
from tremplin.programmes.rules.italy_coop_b import (
    ItalyCoopB,
    disability_quota,
    disadvantaged_share_is_met,
    disadvantaged_workers_needed,
)

FAST = settings(max_examples=200, deadline=None)
ONE_DAY = datetime.timedelta(days=1)
ON = datetime.date(2025, 6, 2)
NOBODY = PersonFacts()
RULES = get_rules(ProgrammeKind.IT_COOP_B)
STATUSES = [c.code for c in RULES.criteria]
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))


def found(violations) -> list[tuple[str | None, str, bool]]:
    return [(v.field, v.code, v.is_error) for v in violations]


def contract(start="2025-03-01", end="2026-02-28", hours="30") -> ContractInput:
    return ContractInput(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end), Decimal(hours))


def test_type_b_co_operatives_have_their_rule_set_and_the_categories_of_the_law():
    assert isinstance(RULES, ItalyCoopB)
    assert RULES.country == "IT"
    assert RULES.eligibility_validity_months == 12
    assert set(STATUSES) == {
        "physical_mental_sensory_disability",
        "former_psychiatric_patient",
        "psychiatric_treatment",
        "addiction",
        "minor_family_difficulty",
        "detained",
        "alternative_to_detention",
    }
    assert all(c.proof_max_age_days is None for c in RULES.criteria)


# Eligibility -----------------------------------------------------------------------------


def test_one_status_proven_by_a_public_document_makes_a_person_eligible_for_a_year():
    result = RULES.evaluate_eligibility([ProofInput("addiction", ON, "SerD Torino 2025/118")], NOBODY, ON)
    assert result.eligible
    assert result.met == ["addiction"]
    assert result.valid_until == datetime.date(2026, 6, 1)
    assert "document public" in result.summary


def test_a_status_without_the_public_documents_reference_is_refused_on_the_reference_field():
    result = RULES.evaluate_eligibility([ProofInput("detained", ON, "  ")], NOBODY, ON)
    assert not result.eligible
    assert found(result.violations) == [("proof_reference_detained", "public_document_required", True)]


def test_no_status_means_not_eligible_without_error():
    result = RULES.evaluate_eligibility([], NOBODY, ON)
    assert not result.eligible
    assert result.violations == []
    assert result.valid_until is None


def test_a_status_without_proof_date_is_refused_on_its_date_field_only():
    result = RULES.evaluate_eligibility([ProofInput("addiction", None, "")], NOBODY, ON)
    assert found(result.violations) == [("proof_date_addiction", "proof_required", True)]


@FAST
@given(st.sets(st.sampled_from(STATUSES), min_size=1), days, st.integers(min_value=0, max_value=5000))
def test_any_documented_statuses_make_a_person_eligible_for_twelve_months(chosen, on, age):
    proofs = [ProofInput(c, on - datetime.timedelta(days=age), f"doc-{c}") for c in sorted(chosen)]
    result = RULES.evaluate_eligibility(proofs, NOBODY, on)
    assert result.eligible
    assert sorted(result.met) == sorted(chosen)
    assert result.valid_until == add_months(on, 12) - ONE_DAY


@FAST
@given(st.sets(st.sampled_from(STATUSES), min_size=1), st.data())
def test_every_status_without_reference_is_named_in_its_own_error(chosen, data):
    missing = data.draw(st.sets(st.sampled_from(sorted(chosen)), min_size=1))
    proofs = [ProofInput(c, ON, "" if c in missing else "doc") for c in sorted(chosen)]
    result = RULES.evaluate_eligibility(proofs, NOBODY, ON)
    assert not result.eligible
    assert {v.field for v in result.errors} == {f"proof_reference_{c}" for c in missing}


# Contract -------------------------------------------------------------------------------


@pytest.mark.parametrize("hours", ["1", "20", "40"])
def test_any_hours_up_to_40_pass(hours):
    assert RULES.check_contract(contract(hours=hours), NOBODY) == []


def test_more_than_40_hours_is_refused():
    violations = RULES.check_contract(contract(hours="40.01"), NOBODY)
    assert found(violations) == [("weekly_hours", "above_full_time", True)]
    assert "40 heures" in violations[0].message


def test_the_co_operative_contract_has_no_duration_limit():
    assert RULES.check_contract(contract("2025-03-01", "2035-03-01"), NOBODY) == []
    assert RULES.check_contract(contract("2025-03-01", "2025-03-01"), NOBODY) == []


def test_an_end_before_the_start_is_refused():
    assert found(RULES.check_contract(contract("2025-03-01", "2025-02-28"), NOBODY)) == [
        ("planned_end_date", "end_before_start", True)
    ]


# 30 % of disadvantaged workers (law 381/1991, art. 4) ------------------------------------------


@pytest.mark.parametrize(
    ("disadvantaged", "workers", "met"),
    [(3, 10, True), (2, 10, False), (30, 100, True), (29, 100, False), (1, 3, True), (0, 1, False), (0, 0, True)],
)
def test_the_share_is_met_from_30_percent(disadvantaged, workers, met):
    assert disadvantaged_share_is_met(disadvantaged, workers) is met


@pytest.mark.parametrize(
    ("workers", "needed"), [(0, 0), (1, 1), (3, 1), (4, 2), (10, 3), (11, 4), (100, 30), (101, 31)]
)
def test_workers_needed_rounds_up(workers, needed):
    assert disadvantaged_workers_needed(workers) == needed


@FAST
@given(st.integers(min_value=1, max_value=100_000))
def test_the_needed_number_is_exactly_the_smallest_that_meets_the_share(workers):
    needed = disadvantaged_workers_needed(workers)
    assert isinstance(needed, int)
    assert disadvantaged_share_is_met(needed, workers)
    assert not disadvantaged_share_is_met(needed - 1, workers)
    assert 10 * needed >= 3 * workers > 10 * (needed - 1)


@FAST
@given(st.integers(min_value=0, max_value=10_000), st.data())
def test_the_share_is_met_exactly_from_the_needed_number(workers, data):
    disadvantaged = data.draw(st.integers(min_value=0, max_value=workers))
    assert disadvantaged_share_is_met(disadvantaged, workers) == (
        disadvantaged >= disadvantaged_workers_needed(workers)
    )


# Disability quota (law 68/1999, art. 3) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("employees", "quota"),
    [
        (0, 0),
        (14, 0),
        (15, 1),
        (35, 1),
        (36, 2),
        (50, 2),
        (51, 4),  # 3.57
        (60, 4),  # 4.20
        (64, 4),  # 4.48
        (65, 5),  # 4.55
        (100, 7),
        (150, 10),  # 10.50: a half does not count as a worker
        (1000, 70),
    ],
)
def test_the_disability_quota_follows_the_bands_of_the_law(employees, quota):
    assert disability_quota(employees) == quota


@FAST
@given(st.integers(min_value=51, max_value=1_000_000))
def test_above_50_employees_the_quota_is_7_percent_with_fractions_above_a_half_counted(employees):
    exact = Fraction(7 * employees, 100)
    quota = disability_quota(employees)
    assert quota == int(exact) + (1 if exact - int(exact) > Fraction(1, 2) else 0)
    assert abs(quota - exact) <= Fraction(1, 2)


def test_the_quota_never_decreases_when_the_workforce_grows():
    quotas = [disability_quota(n) for n in range(0, 3000)]
    assert quotas == sorted(quotas)
