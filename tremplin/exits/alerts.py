"""The sentence of the caseload alert for a follow-up after exit (tremplin/dashboards/alerts.py reads the dates)."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def follow_up_due_sentence(name: str, months: int, due_on: datetime.date) -> str:
    return _("%(name)s : le suivi à %(n)s mois après la sortie était prévu le %(date)s.") % {
        "name": name,
        "n": months,
        "date": date_format(due_on, "SHORT_DATE_FORMAT"),
    }
