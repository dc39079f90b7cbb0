"""Duration rules of work-placement periods (immersions), in plain Python.

France — PMSMP (période de mise en situation en milieu professionnel), Code du travail
articles L5135-1 to L5135-8 (created by law 2014-288 of 5 March 2014) and D5135-1 and
following (decree 2014-1360 of 13 November 2014): one immersion lasts **one month at most**,
whether its days are consecutive or spread out. Renewals and a yearly cumulative cap exist
too; their exact conditions must be checked against the current text, so Tremplin only
warns: a longer period is recorded, with a message asking to check the agreement, never
refused. Reading "one month" date to date: from 3 March, the last possible day is 2 April.

Belgium and Italy: their equivalents (stages, tirocini) have other rules that are not
encoded; no warning is given for their programmes.

Hard rules (refused for every programme): the end cannot come before the start.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta

PMSMP_MAX_MONTHS = 1
FRENCH_PROGRAMME_PREFIX = "fr_"


def pmsmp_last_day(starts_on: datetime.date) -> datetime.date:
    """The last day of a one-month PMSMP starting on `starts_on`, date to date."""
    return starts_on + relativedelta(months=PMSMP_MAX_MONTHS) - datetime.timedelta(days=1)


def is_french(programme_kind: str) -> bool:
    return (programme_kind or "").startswith(FRENCH_PROGRAMME_PREFIX)


def exceeds_pmsmp_month(programme_kind: str, starts_on: datetime.date, ends_on: datetime.date) -> bool:
    """True when a French programme's immersion goes past one month (a warning, not a refusal)."""
    return is_french(programme_kind) and ends_on > pmsmp_last_day(starts_on)
