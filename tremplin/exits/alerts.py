"""What the caseload alerts (tremplin/dashboards/alerts.py) need to know of the follow-ups after exit."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import FollowUp


def annotate_follow_up_due(pathways: QuerySet) -> QuerySet:
    """Adds the earliest follow-up not yet recorded: its due date and its month (subqueries, no join).
    The alert compares the date with its own `today`, so the figures do not depend on when they were read."""
    due = FollowUp.objects.filter(exit__pathway=OuterRef("pk"), outcome="").order_by("due_on", "id")
    return pathways.annotate(
        follow_up_due_on=Subquery(due.values("due_on")[:1]),
        follow_up_due_months=Subquery(due.values("months")[:1]),
    )


def follow_up_due_sentence(name: str, months: int, due_on: datetime.date) -> str:
    return _("%(name)s : le suivi à %(n)s mois après la sortie était prévu le %(date)s.") % {
        "name": name,
        "n": months,
        "date": date_format(due_on, "SHORT_DATE_FORMAT"),
    }
