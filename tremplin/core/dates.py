"""Calendar helpers shared by the programme rules."""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def months_between(start: datetime.date, end_inclusive: datetime.date) -> float:
    """Length of the period [start, end_inclusive] in months, as a decimal.

    Whole months are counted the way a contract is written: 1 March to
    30 June is exactly 4 months. The remainder is a fraction of 30 days.
    """
    end_exclusive = end_inclusive + datetime.timedelta(days=1)
    whole = (end_exclusive.year - start.year) * 12 + (end_exclusive.month - start.month)
    while whole > 0 and add_months(start, whole) > end_exclusive:
        whole -= 1
    remainder_days = (end_exclusive - add_months(start, whole)).days
    return whole + remainder_days / 30


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def working_days(start: datetime.date, end_inclusive: datetime.date) -> int:
    """Monday-to-Friday days in [start, end_inclusive] (public holidays ignored)."""
    if end_inclusive < start:
        return 0
    total_days = (end_inclusive - start).days + 1
    full_weeks, rest = divmod(total_days, 7)
    count = full_weeks * 5
    for offset in range(rest):
        if (start.weekday() + offset) % 7 < 5:
            count += 1
    return count
