"""Exit categories of each programme and how an exit counts (pure rules, no database)."""

import datetime

import pytest

from tremplin.programmes.rules import ProgrammeKind, get_rules
from tremplin.programmes.rules.base import ExitGroup

ALL_KINDS = list(ProgrammeKind)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_programme_has_categories_in_each_counted_group_it_uses_and_unique_codes(kind):
    categories = get_rules(kind).exit_categories
    codes = [c.code for c in categories]
    assert len(codes) == len(set(codes))
    groups = {c.group for c in categories}
    assert ExitGroup.LASTING in groups and ExitGroup.OTHER in groups and ExitGroup.NOT_COUNTED in groups
    assert all(c.group in ExitGroup.values for c in categories)


def test_the_french_siae_groups_follow_the_state_definitions():
    rules = get_rules(ProgrammeKind.FR_ACI)
    group = {c.code: c.group for c in rules.exit_categories}
    assert (
        group["cdi"]
        == group["cdd_6_months_plus"]
        == group["civil_service"]
        == group["business_creation"]
        == ExitGroup.LASTING
    )
    assert group["cdd_under_6_months"] == group["subsidised_contract"] == ExitGroup.TRANSITION
    assert group["qualifying_training"] == group["other_siae"] == ExitGroup.POSITIVE
    assert group["job_seeker"] == ExitGroup.OTHER
    assert group["retirement"] == group["death"] == group["imprisonment"] == ExitGroup.NOT_COUNTED


def test_belgian_and_italian_lists_have_their_own_categories():
    belgium = {c.code for c in get_rules(ProgrammeKind.BE_ARTICLE_60).exit_categories}
    italy = {c.code for c in get_rules(ProgrammeKind.IT_COOP_B).exit_categories}
    assert {"job_ordinary_employer", "training", "unemployment_rights", "back_to_cpas_aid", "other"} <= belgium
    assert {"hire_ordinary_market", "hire_in_coop", "training", "other"} <= italy
    assert get_rules(ProgrammeKind.BE_ARTICLE_60).exit_category("cdi") is None


def test_an_unknown_code_is_no_category():
    assert get_rules(ProgrammeKind.FR_EI).exit_category("lottery_win") is None


ENTRY = datetime.date(2026, 1, 31)


@pytest.mark.parametrize(
    ("exit_on", "counted"),
    [
        (datetime.date(2026, 4, 29), False),  # the day before 3 months (31 Jan + 3 months = 30 Apr)
        (datetime.date(2026, 4, 30), True),
        (datetime.date(2026, 9, 1), True),
    ],
)
def test_a_french_exit_within_3_months_of_entry_does_not_count(exit_on, counted):
    rules = get_rules(ProgrammeKind.FR_ACI)
    result = rules.exit_is_counted(rules.exit_category("cdi"), ENTRY, exit_on)
    assert result == ((True, "") if counted else (False, "short_stay"))


def test_a_non_counted_category_never_counts_and_says_why():
    rules = get_rules(ProgrammeKind.FR_ACI)
    assert rules.exit_is_counted(rules.exit_category("retirement"), ENTRY, datetime.date(2027, 1, 1)) == (
        False,
        "category",
    )


def test_belgium_has_no_short_stay_rule():
    rules = get_rules(ProgrammeKind.BE_ARTICLE_60)
    category = rules.exit_category("job_ordinary_employer")
    assert rules.exit_is_counted(category, ENTRY, ENTRY + datetime.timedelta(days=10)) == (True, "")


@pytest.mark.parametrize(
    ("code", "months", "refused"),
    [
        ("cdd_6_months_plus", 5, True),
        ("cdd_6_months_plus", 6, False),
        ("cdd_under_6_months", 6, True),
        ("cdd_under_6_months", 5, False),
        ("cdi", None, False),
        ("cdd_6_months_plus", None, False),
    ],
)
def test_the_length_of_the_new_contract_must_match_its_category(code, months, refused):
    rules = get_rules(ProgrammeKind.FR_ACI)
    violations = rules.check_exit_contract_length(rules.exit_category(code), months)
    assert bool(violations) is refused
    if refused:
        assert violations[0].field == "contract_months"
        assert "6 mois" in violations[0].message
