"""Calendar helpers: examples, then invariants checked with Hypothesis."""

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tremplin.core.dates import add_months, age_on, months_between, working_days

FAST = settings(max_examples=200, deadline=None)
days = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2100, 12, 31))
ONE_DAY = datetime.timedelta(days=1)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# add_months -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2025-03-01", 4, "2025-07-01"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-10-31", 4, "2026-02-28"),
        ("2025-12-15", 1, "2026-01-15"),
        ("2025-03-31", -1, "2025-02-28"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2025-05-20", 0, "2025-05-20"),
    ],
)
def test_add_months_keeps_the_day_and_clamps_to_the_months_last_day(start, months, expected):
    assert add_months(d(start), months) == d(expected)


@FAST
@given(days, st.integers(min_value=-240, max_value=240))
def test_add_months_lands_in_the_right_month_on_the_same_or_last_day(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@FAST
@given(days, st.integers(min_value=-8, max_value=8))
def test_add_months_by_whole_years_keeps_month_and_day_except_29_february(day, years):
    result = add_months(day, 12 * years)
    assert result.year == day.year + years
    assert result.month == day.month
    if (day.month, day.day) == (2, 29) and not calendar.isleap(result.year):
        assert result.day == 28
    else:
        assert result.day == day.day


@FAST
@given(days, days, st.integers(min_value=-60, max_value=60))
def test_add_months_never_reorders_two_dates(first, second, months):
    low, high = sorted((first, second))
    assert add_months(low, months) <= add_months(high, months)


@FAST
@given(days, st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_adding_months_in_two_steps_never_goes_further_than_in_one(day, first, second):
    assert add_months(add_months(day, first), second) <= add_months(day, first + second)


@FAST
@given(days, st.integers(min_value=0, max_value=120))
def test_add_months_then_back_returns_at_most_to_the_start(day, months):
    assert add_months(add_months(day, months), -months) <= day


# months_between -------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-03-01", "2025-06-30", 4),
        ("2025-01-01", "2026-12-31", 24),
        ("2025-10-31", "2026-02-27", 4),
        ("2024-02-29", "2026-02-27", 24),
        ("2025-03-01", "2025-03-30", 1),
        ("2025-03-01", "2025-03-15", 0.5),
        ("2025-03-01", "2025-02-28", 0),
    ],
)
def test_months_between_counts_like_a_contract(start, end, expected):
    assert months_between(d(start), d(end)) == pytest.approx(expected)


@FAST
@given(days, st.integers(min_value=0, max_value=72))
def test_a_period_ending_the_day_before_the_same_day_n_months_later_lasts_n_months(day, months):
    assert months_between(day, add_months(day, months) - ONE_DAY) == months


@FAST
@given(days, st.integers(min_value=0, max_value=72), st.integers(min_value=1, max_value=27))
def test_a_few_days_more_give_a_fraction_of_a_month(day, months, extra):
    end = add_months(day, months) - ONE_DAY + datetime.timedelta(days=extra)
    value = months_between(day, end)
    assert months < value < months + 1


@FAST
@given(days, st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=60))
def test_months_between_grows_with_the_end_date(start, length, more):
    end = start + datetime.timedelta(days=length)
    assert months_between(start, end + datetime.timedelta(days=more)) >= months_between(start, end)


# working_days ---------------------------------------------------------------


def naive_working_days(start: datetime.date, end: datetime.date) -> int:
    count, day = 0, start
    while day <= end:
        count += day.weekday() < 5
        day += ONE_DAY
    return count


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-09-01", "2025-09-05", 5),  # Monday to Friday
        ("2025-09-06", "2025-09-07", 0),  # a weekend
        ("2025-09-05", "2025-09-08", 2),  # Friday to Monday
        ("2025-09-01", "2025-09-01", 1),
        ("2025-09-02", "2025-09-01", 0),  # empty period
        ("2025-01-01", "2025-12-31", 261),
    ],
)
def test_working_days_counts_mondays_to_fridays(start, end, expected):
    assert working_days(d(start), d(end)) == expected


@FAST
@given(days, st.integers(min_value=0, max_value=30))
def test_any_whole_weeks_hold_five_working_days_each(start, weeks):
    assert working_days(start, start + datetime.timedelta(days=7 * (weeks + 1) - 1)) == 5 * (weeks + 1)


@FAST
@given(days)
def test_any_seven_consecutive_days_hold_five_working_days(start):
    assert working_days(start, start + datetime.timedelta(days=6)) == 5


@FAST
@given(days, st.integers(min_value=0, max_value=90))
def test_working_days_matches_a_day_by_day_count(start, length):
    end = start + datetime.timedelta(days=length)
    assert working_days(start, end) == naive_working_days(start, end)


@FAST
@given(days, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_working_days_of_two_adjacent_periods_add_up(start, first, second):
    middle = start + datetime.timedelta(days=first)
    end = middle + datetime.timedelta(days=second)
    assert working_days(start, end) == working_days(start, middle) + working_days(middle + ONE_DAY, end)


@FAST
@given(days, st.integers(min_value=1, max_value=400))
def test_working_days_is_zero_when_the_end_precedes_the_start(start, gap):
    assert working_days(start, start - datetime.timedelta(days=gap)) == 0


# age_on ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        ("1975-06-15", "2025-06-15", 50),
        ("1975-06-15", "2025-06-14", 49),
        ("2000-02-29", "2025-02-28", 24),
        ("2000-02-29", "2025-03-01", 25),
        ("2000-02-29", "2024-02-29", 24),
        ("2000-12-31", "2001-01-01", 0),
    ],
)
def test_age_on_counts_birthdays_passed(birth, on, age):
    assert age_on(d(birth), d(on)) == age


@FAST
@given(days, st.integers(min_value=0, max_value=90))
def test_age_increases_on_the_birthday_and_not_the_day_before(birth, years):
    if (birth.month, birth.day) == (2, 29):
        birth = birth.replace(day=28)
    birthday = birth.replace(year=birth.year + years)
    assert age_on(birth, birthday) == years
    if years:
        assert age_on(birth, birthday - ONE_DAY) == years - 1
