"""France SIAE rules (ACI, EI, AI, ETTI): PASS IAE eligibility and the insertion contract (CDDI)."""

import calendar
import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tremplin.core.dates import add_months, months_between
from tremplin.programmes.rules import ProgrammeKind, get_rules
from tremplin.programmes.rules.base import ContractInput, ExtensionReason, PersonFacts, ProofInput
from tremplin.programmes.rules.common import last_day_within
from tremplin.programmes.rules.france_siae import (
    CRITERIA,
    EXCLUSIVE_PAIRS,
    LEGAL_MAX_WEEKLY_HOURS,
    FranceACI,
    FranceETTI,
    FranceSIAE,
)

FAST = settings(max_examples=200, deadline=None)
ONE_DAY = datetime.timedelta(days=1)
ON = datetime.date(2025, 6, 2)
NOBODY = PersonFacts()

CDDI_KINDS = [ProgrammeKind.FR_ACI, ProgrammeKind.FR_EI, ProgrammeKind.FR_AI]
ALL_FR_KINDS = [*CDDI_KINDS, ProgrammeKind.FR_ETTI]
BY_CODE = {c.code: c for c in CRITERIA}
LEVEL1 = sorted(c.code for c in CRITERIA if c.level == 1)
LEVEL2 = sorted(c.code for c in CRITERIA if c.level == 2)
LEVEL2_NEEDED = {ProgrammeKind.FR_ACI: 3, ProgrammeKind.FR_EI: 3, ProgrammeKind.FR_AI: 3, ProgrammeKind.FR_ETTI: 2}

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))


@st.composite
def month_end_days(draw):
    """The 28th to the 31st of any month (clamped), so 29 February of leap years comes up often."""
    year = draw(st.integers(min_value=2000, max_value=2090))
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=28, max_value=31))
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


start_days = st.one_of(days, month_end_days())


def proof(code: str, on: datetime.date = ON, age_days: int = 0) -> ProofInput:
    return ProofInput(code, on - datetime.timedelta(days=age_days), "ref")


def codes(violations) -> list[str]:
    return [v.code for v in violations]


def errors(violations) -> list[tuple[str | None, str]]:
    return [(v.field, v.code) for v in violations if v.is_error]


def cddi(start="2025-03-01", end="2025-06-30", hours="26", **overrides) -> ContractInput:
    values = {
        "start_date": datetime.date.fromisoformat(start),
        "planned_end_date": datetime.date.fromisoformat(end),
        "weekly_hours": Decimal(hours),
    }
    values.update(overrides)
    return ContractInput(**values)


def renewal(chain_start: str, start: str, end: str, **overrides) -> ContractInput:
    return cddi(start, end, chain_start_date=datetime.date.fromisoformat(chain_start), is_renewal=True, **overrides)


def born(years_before: datetime.date, years: int) -> PersonFacts:
    return PersonFacts(birth_date=years_before.replace(year=years_before.year - years))


# Rule sets -------------------------------------------------------------------------


def test_each_french_kind_gets_its_rule_set():
    assert type(get_rules(ProgrammeKind.FR_ACI)) is FranceACI
    assert type(get_rules(ProgrammeKind.FR_EI)) is FranceSIAE
    assert type(get_rules(ProgrammeKind.FR_AI)) is FranceSIAE
    assert type(get_rules(ProgrammeKind.FR_ETTI)) is FranceETTI


def test_only_an_aci_has_the_supervision_ratio_of_twelve():
    assert get_rules(ProgrammeKind.FR_ACI).max_workers_per_supervisor == 12
    for kind in (ProgrammeKind.FR_EI, ProgrammeKind.FR_AI, ProgrammeKind.FR_ETTI):
        assert get_rules(kind).max_workers_per_supervisor is None


def test_french_criteria_are_the_pass_iae_list_in_two_levels():
    assert LEVEL1 == ["aah", "ass", "job_seeker_24_months", "rsa"]
    assert len(LEVEL2) == 14
    for first, second in EXCLUSIVE_PAIRS:
        assert first in BY_CODE and second in BY_CODE


@pytest.mark.parametrize("kind", ALL_FR_KINDS)
def test_a_diagnosis_stays_valid_six_months(kind):
    assert get_rules(kind).eligibility_validity_months == 6


# Eligibility: examples --------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_FR_KINDS)
def test_one_level_1_criterion_is_enough(kind):
    result = get_rules(kind).evaluate_eligibility([proof("rsa")], NOBODY, ON)
    assert result.eligible
    assert result.met == ["rsa"]
    assert result.violations == []
    assert result.valid_until == datetime.date(2025, 12, 1)
    assert "niveau 1" in result.summary


def test_three_level_2_criteria_make_a_person_eligible_in_an_aci():
    picked = ["low_qualification", "single_parent", "priority_district"]
    result = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility([proof(c) for c in picked], NOBODY, ON)
    assert result.eligible
    assert sorted(result.met) == sorted(picked)
    assert "3 critères de niveau 2" in result.summary


def test_two_level_2_criteria_are_not_enough_in_an_aci_but_are_in_an_etti():
    picked = [proof("low_qualification"), proof("mobility")]
    aci = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility(picked, NOBODY, ON)
    assert not aci.eligible
    assert aci.errors == []
    assert aci.valid_until is None
    assert "critères de niveau 2 justifiés : 2 sur" in aci.summary and "3 requis" in aci.summary
    etti = get_rules(ProgrammeKind.FR_ETTI).evaluate_eligibility(picked, NOBODY, ON)
    assert etti.eligible
    assert "(2 requis)" in etti.summary


def test_no_criterion_means_not_eligible_without_error():
    result = get_rules(ProgrammeKind.FR_EI).evaluate_eligibility([], NOBODY, ON)
    assert not result.eligible
    assert result.violations == []
    assert "aucun critère de niveau 1" in result.summary


@pytest.mark.parametrize(("first", "second"), EXCLUSIVE_PAIRS)
def test_exclusive_criteria_are_refused_together(first, second):
    result = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility(
        [proof(first), proof(second), proof("rsa")], NOBODY, ON
    )
    assert not result.eligible
    assert result.met == []
    assert errors(result.violations) == [("criteria", "exclusive_criteria")]
    message = result.violations[0].message
    assert str(BY_CODE[first].label) in message and str(BY_CODE[second].label) in message


def test_aged_50_plus_is_refused_for_a_younger_person_and_says_their_age():
    person = PersonFacts(birth_date=datetime.date(1975, 6, 3))  # 49 on ON, 50 the next day
    result = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility([proof("aged_50_plus"), proof("rsa")], person, ON)
    assert not result.eligible
    assert errors(result.violations) == [("criteria", "age_mismatch")]
    assert "49 ans" in result.violations[0].message


def test_aged_50_plus_holds_from_the_50th_birthday():
    person = PersonFacts(birth_date=datetime.date(1975, 6, 2))
    result = get_rules(ProgrammeKind.FR_ETTI).evaluate_eligibility(
        [proof("aged_50_plus"), proof("low_qualification")], person, ON
    )
    assert result.eligible


def test_under_26_stops_on_the_26th_birthday():
    rules = get_rules(ProgrammeKind.FR_ETTI)
    picked = [proof("under_26"), proof("low_qualification")]
    on_birthday = rules.evaluate_eligibility(picked, PersonFacts(birth_date=datetime.date(1999, 6, 2)), ON)
    assert errors(on_birthday.violations) == [("criteria", "age_mismatch")]
    assert "26 ans" in on_birthday.violations[0].message
    day_before = rules.evaluate_eligibility(picked, PersonFacts(birth_date=datetime.date(1999, 6, 3)), ON)
    assert day_before.eligible


def test_age_criteria_are_not_checked_without_a_birth_date():
    result = get_rules(ProgrammeKind.FR_ETTI).evaluate_eligibility(
        [proof("aged_50_plus"), proof("homeless")], NOBODY, ON
    )
    assert result.eligible


def test_an_expired_proof_blocks_the_whole_diagnosis():
    result = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility(
        [proof("rsa", age_days=93), proof("aah", age_days=3000)], NOBODY, ON
    )
    assert not result.eligible
    assert result.met == []
    assert errors(result.violations) == [("proof_date_rsa", "proof_too_old")]


def test_the_same_criterion_twice_does_not_count_twice():
    picked = [proof("mobility"), proof("mobility"), proof("low_qualification")]
    result = get_rules(ProgrammeKind.FR_ACI).evaluate_eligibility(picked, NOBODY, ON)
    assert not result.eligible
    assert errors(result.violations) == [("criteria", "duplicate_criterion")]


# Eligibility: properties -------------------------------------------------------------


@st.composite
def consistent_choice(draw, pool: list[str]):
    """A set of criteria from `pool` without any exclusive pair."""
    chosen = draw(st.sets(st.sampled_from(pool)))
    for first, second in EXCLUSIVE_PAIRS:
        if first in chosen and second in chosen:
            chosen.discard(draw(st.sampled_from((first, second))))
    return chosen


@st.composite
def proofs_for(draw, chosen: set[str], on: datetime.date) -> list[ProofInput]:
    """A valid proof for each criterion: dated between its maximum age and the diagnosis day."""
    result = []
    for code in sorted(chosen):
        max_age = BY_CODE[code].proof_max_age_days or 3650
        result.append(proof(code, on, draw(st.integers(min_value=0, max_value=max_age))))
    return result


@FAST
@given(st.sampled_from(ALL_FR_KINDS), st.data(), days)
def test_any_set_with_a_level_1_criterion_is_eligible(kind, data, on):
    chosen = data.draw(consistent_choice(LEVEL1 + LEVEL2))
    # Add a level-1 criterion that does not form an exclusive pair with the others.
    allowed = [c for c in LEVEL1 if not any({c, other} in map(set, EXCLUSIVE_PAIRS) for other in chosen)]
    chosen.add(data.draw(st.sampled_from(allowed)))
    result = get_rules(kind).evaluate_eligibility(data.draw(proofs_for(chosen, on)), NOBODY, on)
    assert result.eligible, result.violations
    assert sorted(result.met) == sorted(chosen)
    assert result.valid_until == add_months(on, 6) - ONE_DAY


@FAST
@given(st.sampled_from(ALL_FR_KINDS), st.data(), days)
def test_level_2_criteria_alone_reach_eligibility_at_the_programmes_count(kind, data, on):
    chosen = data.draw(consistent_choice(LEVEL2))
    result = get_rules(kind).evaluate_eligibility(data.draw(proofs_for(chosen, on)), NOBODY, on)
    assert result.errors == []
    assert result.eligible == (len(chosen) >= LEVEL2_NEEDED[kind])
    assert (result.valid_until is not None) == result.eligible


@FAST
@given(st.sampled_from(ALL_FR_KINDS), st.sampled_from(EXCLUSIVE_PAIRS), st.data(), days)
def test_a_set_with_an_exclusive_pair_is_always_refused(kind, pair, data, on):
    chosen = data.draw(st.sets(st.sampled_from(LEVEL1 + LEVEL2))) | set(pair)
    result = get_rules(kind).evaluate_eligibility(data.draw(proofs_for(chosen, on)), NOBODY, on)
    assert not result.eligible
    assert result.met == []
    assert "exclusive_criteria" in codes(result.errors)
    assert all(v.field == "criteria" for v in result.errors)


@FAST
@given(st.sampled_from(ALL_FR_KINDS), days)
def test_a_favourable_diagnosis_is_valid_six_months_minus_one_day(kind, on):
    result = get_rules(kind).evaluate_eligibility([proof("aah", on)], NOBODY, on)
    assert result.valid_until == add_months(on, 6) - ONE_DAY
    assert months_between(on, result.valid_until) == 6


# Contract: examples -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_FR_KINDS)
def test_a_four_month_contract_of_26_hours_passes(kind):
    assert get_rules(kind).check_contract(cddi(), NOBODY) == []


def test_a_contract_shorter_than_four_months_is_refused_with_the_earliest_end():
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(cddi(end="2025-06-29"), NOBODY)
    assert errors(violations) == [("planned_end_date", "contract_too_short")]
    assert "30/06/2025" in violations[0].message
    assert "01/03/2025" in violations[0].message


def test_a_person_under_a_sentence_adjustment_may_sign_a_shorter_contract():
    contract = cddi(end="2025-03-31", extension_reason=ExtensionReason.SENTENCE_ADJUSTMENT)
    assert get_rules(ProgrammeKind.FR_EI).check_contract(contract, NOBODY) == []


def test_a_renewal_may_be_shorter_than_four_months():
    contract = renewal("2025-03-01", "2025-07-01", "2025-08-31")
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY) == []


def test_a_chain_longer_than_24_months_is_refused_with_its_limit():
    contract = renewal("2025-03-01", "2026-03-01", "2027-03-01")
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY)
    assert errors(violations) == [("planned_end_date", "contract_too_long")]
    assert "28/02/2027" in violations[0].message and "01/03/2025" in violations[0].message


def test_a_single_first_contract_of_24_months_passes():
    assert get_rules(ProgrammeKind.FR_AI).check_contract(cddi(end="2027-02-28"), NOBODY) == []


def test_a_sentence_adjustment_does_not_lengthen_the_chain():
    contract = renewal("2025-03-01", "2026-03-01", "2027-03-01", extension_reason=ExtensionReason.SENTENCE_ADJUSTMENT)
    assert errors(get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY)) == [
        ("planned_end_date", "contract_too_long")
    ]


def test_a_person_of_50_may_be_extended_up_to_60_months():
    contract = renewal("2025-03-01", "2027-03-01", "2030-02-28", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(contract, born(datetime.date(2025, 3, 1), 52)) == []


def test_even_extended_a_chain_stops_at_60_months():
    contract = renewal("2025-03-01", "2027-03-01", "2030-03-01", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, born(datetime.date(2025, 3, 1), 52))
    assert errors(violations) == [("planned_end_date", "contract_too_long")]
    assert "60 mois" in violations[0].message and "28/02/2030" in violations[0].message


def test_the_age_extension_is_refused_for_a_younger_person_without_disability():
    contract = renewal("2025-03-01", "2027-03-01", "2027-12-31", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, born(datetime.date(2025, 3, 1), 30))
    assert errors(violations) == [("extension_reason", "extension_not_applicable")]


def test_the_age_extension_is_refused_when_age_and_disability_are_unknown():
    contract = renewal("2025-03-01", "2027-03-01", "2027-12-31", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY)
    assert errors(violations) == [("extension_reason", "extension_not_applicable")]


def test_a_recognised_disability_opens_the_extension_at_any_age():
    contract = renewal("2025-03-01", "2027-03-01", "2027-12-31", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    person = PersonFacts(birth_date=datetime.date(1995, 1, 1), recognised_disability=True)
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(contract, person) == []


def test_the_age_is_taken_when_the_extension_begins_not_when_the_pathway_began():
    # 48 when the pathway started, 50 when the prolongation starts.
    person = PersonFacts(birth_date=datetime.date(1977, 2, 1))
    contract = renewal("2025-03-01", "2027-03-01", "2027-12-31", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(contract, person) == []


def test_the_age_extension_goes_through_a_renewal_not_a_first_contract():
    contract = cddi("2025-03-01", "2028-02-29", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, born(datetime.date(2025, 3, 1), 55))
    assert errors(violations) == [("extension_reason", "extension_needs_renewal")]


def test_a_renewal_to_finish_a_training_is_only_a_warning():
    contract = renewal("2025-03-01", "2027-03-01", "2027-06-30", extension_reason=ExtensionReason.TRAINING_IN_PROGRESS)
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY)
    assert [(v.field, v.code, v.is_error) for v in violations] == [("extension_reason", "training_extension", False)]


def test_a_first_contract_cannot_use_the_training_extension():
    contract = cddi("2025-03-01", "2027-06-30", extension_reason=ExtensionReason.TRAINING_IN_PROGRESS)
    violations = get_rules(ProgrammeKind.FR_EI).check_contract(contract, NOBODY)
    assert errors(violations) == [("extension_reason", "extension_needs_renewal")]


def test_an_extension_reason_within_24_months_changes_nothing():
    contract = renewal("2025-03-01", "2025-07-01", "2026-06-30", extension_reason=ExtensionReason.AGED_50_OR_DISABLED)
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(contract, NOBODY) == []


@pytest.mark.parametrize("hours", ["20", "35", "26.5"])
def test_weekly_hours_between_20_and_35_pass(hours):
    assert get_rules(ProgrammeKind.FR_ACI).check_contract(cddi(hours=hours), NOBODY) == []


def test_more_than_35_hours_is_refused():
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(cddi(hours="35.01"), NOBODY)
    assert errors(violations) == [("weekly_hours", "hours_too_many")]
    assert "35 heures" in violations[0].message


def test_fewer_than_20_hours_need_a_reason_on_the_reason_field():
    rules = get_rules(ProgrammeKind.FR_EI)
    violations = rules.check_contract(cddi(hours="19.99"), NOBODY)
    assert errors(violations) == [("reduced_hours_reason", "reduced_hours_without_reason")]
    assert "20 heures" in violations[0].message
    assert errors(rules.check_contract(cddi(hours="19.99", reduced_hours_reason="   "), NOBODY)) == [
        ("reduced_hours_reason", "reduced_hours_without_reason")
    ]
    assert rules.check_contract(cddi(hours="12", reduced_hours_reason="Reprise progressive après soins"), NOBODY) == []


def test_several_broken_rules_are_all_reported():
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(cddi(end="2025-04-30", hours="40"), NOBODY)
    assert sorted(codes(violations)) == ["contract_too_short", "hours_too_many"]


def test_missing_dates_stop_the_check_before_duration_rules():
    violations = get_rules(ProgrammeKind.FR_ACI).check_contract(cddi(start_date=None), NOBODY)
    assert codes(violations) == ["start_required"]


# ETTI differences ----------------------------------------------------------------------


def test_an_etti_mission_has_no_four_month_or_twenty_hour_floor():
    contract = cddi("2025-03-03", "2025-03-07", hours="7")
    assert get_rules(ProgrammeKind.FR_ETTI).check_contract(contract, NOBODY) == []


def test_an_etti_mission_may_exceed_35_hours_up_to_the_legal_maximum():
    rules = get_rules(ProgrammeKind.FR_ETTI)
    assert rules.check_contract(cddi(hours="42"), NOBODY) == []
    assert rules.check_contract(cddi(hours=str(LEGAL_MAX_WEEKLY_HOURS)), NOBODY) == []
    violations = rules.check_contract(cddi(hours="48.01"), NOBODY)
    assert errors(violations) == [("weekly_hours", "hours_above_legal_maximum")]
    assert "48 heures" in violations[0].message


def test_etti_missions_still_stop_at_24_months():
    contract = renewal("2025-03-01", "2026-03-01", "2027-03-01")
    assert errors(get_rules(ProgrammeKind.FR_ETTI).check_contract(contract, NOBODY)) == [
        ("planned_end_date", "contract_too_long")
    ]


# Contract: properties --------------------------------------------------------------------


@FAST
@given(st.sampled_from(CDDI_KINDS), start_days)
def test_a_cddi_of_exactly_four_months_passes_and_one_day_less_is_refused(kind, start):
    rules = get_rules(kind)
    end = last_day_within(start, 4)
    assert months_between(start, end) == 4
    assert rules.check_contract(cddi(start_date=start, planned_end_date=end), NOBODY) == []
    shorter = rules.check_contract(cddi(start_date=start, planned_end_date=end - ONE_DAY), NOBODY)
    assert errors(shorter) == [("planned_end_date", "contract_too_short")]


@FAST
@given(st.sampled_from(ALL_FR_KINDS), start_days, st.integers(min_value=0, max_value=20))
def test_a_chain_of_exactly_24_months_passes_and_one_day_more_is_refused(kind, chain_start, months_before):
    rules = get_rules(kind)
    start = add_months(chain_start, months_before)
    end = last_day_within(chain_start, 24)
    is_renewal = months_before > 0
    exact = cddi(start_date=start, planned_end_date=end, chain_start_date=chain_start, is_renewal=is_renewal)
    assert rules.check_contract(exact, NOBODY) == []
    longer = cddi(start_date=start, planned_end_date=end + ONE_DAY, chain_start_date=chain_start, is_renewal=is_renewal)
    assert errors(rules.check_contract(longer, NOBODY)) == [("planned_end_date", "contract_too_long")]


@FAST
@given(st.sampled_from(ALL_FR_KINDS), start_days, st.booleans())
def test_the_age_or_disability_extension_reaches_exactly_60_months(kind, chain_start, disabled):
    rules = get_rules(kind)
    start = add_months(chain_start, 24)
    person = (
        PersonFacts(recognised_disability=True)
        if disabled
        else PersonFacts(birth_date=start.replace(year=start.year - 50, day=min(start.day, 28)))
    )
    end = last_day_within(chain_start, 60)
    reason = ExtensionReason.AGED_50_OR_DISABLED
    exact = cddi(
        start_date=start, planned_end_date=end, chain_start_date=chain_start, is_renewal=True, extension_reason=reason
    )
    assert rules.check_contract(exact, person) == []
    longer = cddi(
        start_date=start,
        planned_end_date=end + ONE_DAY,
        chain_start_date=chain_start,
        is_renewal=True,
        extension_reason=reason,
    )
    assert errors(rules.check_contract(longer, person)) == [("planned_end_date", "contract_too_long")]


@FAST
@given(start_days, st.integers(min_value=1, max_value=36 * 30), st.integers(min_value=18, max_value=49))
def test_past_24_months_the_age_reason_is_refused_to_anyone_under_50_without_disability(chain_start, extra, age):
    start = add_months(chain_start, 24)
    end = min(last_day_within(chain_start, 24) + datetime.timedelta(days=extra), last_day_within(chain_start, 60))
    person = PersonFacts(birth_date=start.replace(year=start.year - age, day=min(start.day, 28)))
    contract = cddi(
        start_date=start,
        planned_end_date=end,
        chain_start_date=chain_start,
        is_renewal=True,
        extension_reason=ExtensionReason.AGED_50_OR_DISABLED,
    )
    assert errors(get_rules(ProgrammeKind.FR_ACI).check_contract(contract, person)) == [
        ("extension_reason", "extension_not_applicable")
    ]


hours_20_to_35 = st.decimals(min_value=Decimal("20"), max_value=Decimal("35"), places=2)
hours_below_20 = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("19.99"), places=2)
hours_above_35 = st.decimals(min_value=Decimal("35.01"), max_value=Decimal("48"), places=2)


@FAST
@given(st.sampled_from(CDDI_KINDS), hours_20_to_35)
def test_any_weekly_hours_from_20_to_35_pass(kind, hours):
    assert get_rules(kind).check_contract(cddi(weekly_hours=hours), NOBODY) == []


@FAST
@given(st.sampled_from(CDDI_KINDS), hours_below_20)
def test_any_weekly_hours_below_20_pass_only_with_a_reason(kind, hours):
    rules = get_rules(kind)
    assert errors(rules.check_contract(cddi(weekly_hours=hours), NOBODY)) == [
        ("reduced_hours_reason", "reduced_hours_without_reason")
    ]
    assert rules.check_contract(cddi(weekly_hours=hours, reduced_hours_reason="Soins en cours"), NOBODY) == []


@FAST
@given(st.sampled_from(CDDI_KINDS), hours_above_35)
def test_any_weekly_hours_above_35_are_refused(kind, hours):
    assert errors(get_rules(kind).check_contract(cddi(weekly_hours=hours), NOBODY)) == [
        ("weekly_hours", "hours_too_many")
    ]


@FAST
@given(
    start_days,
    st.integers(min_value=0, max_value=730),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("48"), places=2),
)
def test_any_etti_mission_within_24_months_and_48_hours_passes(start, length, hours):
    end = min(start + datetime.timedelta(days=length), last_day_within(start, 24))
    contract = cddi(start_date=start, planned_end_date=end, weekly_hours=hours)
    assert get_rules(ProgrammeKind.FR_ETTI).check_contract(contract, NOBODY) == []
