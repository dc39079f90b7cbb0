import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.immersions import rules


def test_one_month_is_read_date_to_date():
    assert rules.pmsmp_last_day(datetime.date(2026, 3, 3)) == datetime.date(2026, 4, 2)
    assert rules.pmsmp_last_day(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 27)


def test_only_french_programmes_get_the_pmsmp_warning():
    start = datetime.date(2026, 3, 3)
    long_end = datetime.date(2026, 4, 3)
    assert rules.exceeds_pmsmp_month("fr_aci", start, long_end)
    assert not rules.exceeds_pmsmp_month("fr_aci", start, datetime.date(2026, 4, 2))
    assert not rules.exceeds_pmsmp_month("be_art60", start, long_end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)))
def test_the_last_allowed_day_is_within_28_to_31_days(start):
    days = (rules.pmsmp_last_day(start) - start).days + 1
    assert 28 <= days <= 31
    assert not rules.exceeds_pmsmp_month("fr_ei", start, rules.pmsmp_last_day(start))
    assert rules.exceeds_pmsmp_month("fr_ei", start, rules.pmsmp_last_day(start) + datetime.timedelta(days=1))
