"""Belgium, CPAS employment under article 60 §7: three conditions, half-time floor, 24 months, work days."""

import calendar
import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tremplin.core.dates import add_months
from tremplin.programmes.rules import ProgrammeKind, get_rules
from tremplin.programmes.rules.base import ContractInput, PersonFacts, ProofInput
from tremplin.programmes.rules.belgium_article60 import (
    FULL_TIME_HOURS,
    HALF_TIME_HOURS,
    BelgiumArticle60,
    unemployment_work_days,
)
from tremplin.programmes.rules.common import last_day_within

FAST = settings(max_examples=200, deadline=None)
ONE_DAY = datetime.timedelta(days=1)
ON = datetime.date(2025, 6, 2)
NOBODY = PersonFacts()
RULES = get_rules(ProgrammeKind.BE_ARTICLE_60)
CONDITIONS = ["social_integration_income", "legal_stay", "no_full_unemployment_benefit"]


@st.composite
def start_days(draw):
    year = draw(st.integers(min_value=2000, max_value=2090))
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=1, max_value=31))
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def proof(code: str, age_days: int = 0) -> ProofInput:
    return ProofInput(code, ON - datetime.timedelta(days=age_days), "ref")


def contract(start="2025-01-06", end="2026-01-04", hours="38", needed: int | None = 312, **overrides) -> ContractInput:
    values = {
        "start_date": datetime.date.fromisoformat(start),
        "planned_end_date": datetime.date.fromisoformat(end),
        "weekly_hours": Decimal(hours),
        "work_days_needed": needed,
    }
    values.update(overrides)
    return ContractInput(**values)


def found(violations) -> list[tuple[str | None, str, bool]]:
    return [(v.field, v.code, v.is_error) for v in violations]


def test_article_60_has_its_own_rule_set_without_supervision_ratio():
    assert isinstance(RULES, BelgiumArticle60)
    assert RULES.country == "BE"
    assert RULES.max_workers_per_supervisor is None
    assert [c.code for c in RULES.criteria] == CONDITIONS
    assert HALF_TIME_HOURS == Decimal("19")


# Eligibility ---------------------------------------------------------------------------


def test_the_three_conditions_together_make_a_person_eligible_for_six_months():
    result = RULES.evaluate_eligibility([proof(c) for c in CONDITIONS], NOBODY, ON)
    assert result.eligible
    assert result.met == CONDITIONS
    assert result.valid_until == datetime.date(2025, 12, 1)
    assert "trois conditions" in result.summary


@pytest.mark.parametrize("missing", CONDITIONS)
def test_a_missing_condition_makes_the_person_not_eligible_and_is_named(missing):
    result = RULES.evaluate_eligibility([proof(c) for c in CONDITIONS if c != missing], NOBODY, ON)
    assert not result.eligible
    assert result.errors == []
    assert result.valid_until is None
    assert str(RULES.criteria_by_code[missing].label) in result.summary


def test_the_unemployment_certificate_is_valid_92_days():
    ok = RULES.evaluate_eligibility(
        [proof("social_integration_income"), proof("legal_stay"), proof("no_full_unemployment_benefit", 92)],
        NOBODY,
        ON,
    )
    assert ok.eligible
    old = RULES.evaluate_eligibility(
        [proof("social_integration_income"), proof("legal_stay"), proof("no_full_unemployment_benefit", 93)],
        NOBODY,
        ON,
    )
    assert not old.eligible
    assert found(old.violations) == [("proof_date_no_full_unemployment_benefit", "proof_too_old", True)]


def test_a_french_criterion_is_unknown_for_article_60():
    result = RULES.evaluate_eligibility([proof("rsa")], NOBODY, ON)
    assert found(result.violations) == [("criteria", "unknown_criterion", True)]


@FAST
@given(st.sets(st.sampled_from(CONDITIONS)), start_days())
def test_eligible_exactly_when_all_three_conditions_are_proven(chosen, on):
    proofs = [ProofInput(c, on, "ref") for c in sorted(chosen)]
    result = RULES.evaluate_eligibility(proofs, NOBODY, on)
    assert result.eligible == (len(chosen) == 3)
    assert result.errors == []
    if result.eligible:
        assert result.valid_until == add_months(on, 6) - ONE_DAY


# Work days for unemployment rights ----------------------------------------------------------


def test_a_full_time_year_is_worth_312_days_and_a_half_time_year_half_of_it():
    start, end = datetime.date(2025, 1, 6), datetime.date(2026, 1, 4)  # 52 weeks
    assert unemployment_work_days(start, end, FULL_TIME_HOURS) == 312
    assert unemployment_work_days(start, end, HALF_TIME_HOURS) == 156
    assert unemployment_work_days(start, end, Decimal("28.5")) == 234


def test_sundays_do_not_count_and_an_empty_period_is_worth_nothing():
    sunday = datetime.date(2025, 6, 1)
    assert unemployment_work_days(sunday, sunday, FULL_TIME_HOURS) == 0
    assert unemployment_work_days(sunday - ONE_DAY, sunday, FULL_TIME_HOURS) == 1
    assert unemployment_work_days(sunday, sunday - ONE_DAY, FULL_TIME_HOURS) == 0


@FAST
@given(start_days(), st.integers(min_value=0, max_value=104))
def test_every_full_time_week_is_worth_six_days(start, weeks):
    end = start + datetime.timedelta(days=7 * weeks - 1)
    assert unemployment_work_days(start, end, FULL_TIME_HOURS) == 6 * weeks


@FAST
@given(
    start_days(),
    st.integers(min_value=0, max_value=730),
    st.decimals(min_value=HALF_TIME_HOURS, max_value=FULL_TIME_HOURS, places=2),
)
def test_part_time_is_worth_its_share_of_full_time_never_more(start, length, hours):
    end = start + datetime.timedelta(days=length)
    full = unemployment_work_days(start, end, FULL_TIME_HOURS)
    part = unemployment_work_days(start, end, hours)
    assert part <= full
    assert part == int(full * hours / FULL_TIME_HOURS)


# Contract: examples ------------------------------------------------------------------------------


def test_a_full_time_year_for_312_needed_days_passes_without_warning():
    assert RULES.check_contract(contract(), NOBODY) == []


def test_a_half_time_year_for_312_needed_days_warns_that_it_is_too_short():
    violations = RULES.check_contract(contract(hours="19"), NOBODY)
    assert found(violations) == [("planned_end_date", "too_few_work_days", False)]
    assert "156" in violations[0].message and "312" in violations[0].message


def test_an_unknown_number_of_needed_days_is_a_warning_on_that_field():
    violations = RULES.check_contract(contract(needed=None), NOBODY)
    assert found(violations) == [("work_days_needed", "work_days_unknown", False)]


def test_half_time_is_the_floor():
    assert RULES.check_contract(contract(hours="19", needed=100), NOBODY) == []
    violations = RULES.check_contract(contract(hours="18.99", needed=100), NOBODY)
    assert found(violations) == [("weekly_hours", "below_half_time", True)]
    assert "19 heures" in violations[0].message


def test_more_than_full_time_is_refused():
    assert found(RULES.check_contract(contract(hours="38.01"), NOBODY)) == [("weekly_hours", "above_full_time", True)]


def test_a_placement_longer_than_24_months_is_refused_with_its_last_day():
    violations = RULES.check_contract(contract("2025-03-01", "2027-03-01"), NOBODY)
    assert found(violations) == [("planned_end_date", "contract_too_long", True)]
    assert "28/02/2027" in violations[0].message


def test_a_renewal_counts_from_the_first_contract():
    renewal = contract(
        "2026-03-01", "2027-03-01", chain_start_date=datetime.date(2025, 3, 1), is_renewal=True, needed=100
    )
    assert found(RULES.check_contract(renewal, NOBODY)) == [("planned_end_date", "contract_too_long", True)]


def test_a_short_placement_has_no_minimum_length():
    assert RULES.check_contract(contract("2025-06-02", "2025-06-06", needed=5), NOBODY) == []


# Contract: properties ------------------------------------------------------------------------------

legal_hours = st.decimals(min_value=HALF_TIME_HOURS, max_value=FULL_TIME_HOURS, places=2)


@FAST
@given(start_days(), st.integers(min_value=0, max_value=24 * 31), legal_hours)
def test_any_placement_within_24_months_and_worth_the_needed_days_passes(start, length, hours):
    end = min(start + datetime.timedelta(days=length), last_day_within(start, 24))
    needed = unemployment_work_days(start, end, hours)
    terms = ContractInput(start, end, hours, work_days_needed=needed)
    assert RULES.check_contract(terms, NOBODY) == []
    short = ContractInput(start, end, hours, work_days_needed=needed + 1)
    assert found(RULES.check_contract(short, NOBODY)) == [("planned_end_date", "too_few_work_days", False)]


@FAST
@given(start_days(), st.decimals(min_value=Decimal("0.01"), max_value=Decimal("18.99"), places=2))
def test_any_hours_below_half_time_are_refused(start, hours):
    terms = ContractInput(start, add_months(start, 6), hours, work_days_needed=0)
    assert found(RULES.check_contract(terms, NOBODY)) == [("weekly_hours", "below_half_time", True)]


@FAST
@given(start_days(), st.integers(min_value=0, max_value=23), legal_hours)
def test_a_chain_of_exactly_24_months_passes_and_one_day_more_is_refused(chain_start, months_before, hours):
    start = add_months(chain_start, months_before)
    end = last_day_within(chain_start, 24)
    exact = ContractInput(start, end, hours, work_days_needed=1, chain_start_date=chain_start, is_renewal=True)
    assert RULES.check_contract(exact, NOBODY) == []
    longer = ContractInput(
        start, end + ONE_DAY, hours, work_days_needed=1, chain_start_date=chain_start, is_renewal=True
    )
    assert found(RULES.check_contract(longer, NOBODY)) == [("planned_end_date", "contract_too_long", True)]
