"""Alerts on a counsellor's caseload, computed from the records, never typed by hand.

`load_alert_figures` sets on each pathway of a caseload every figure the alerts need (one small grouped
query per source) and `alerts_for` reads them back in Python: a whole caseload costs a fixed number of
queries, whatever its size. Each alert says what is late, for whom and since when, in words
(the page never relies on colour).

An alert's `since` is the first day it applies: the day after an action's due date, the day after the
next interview was due, the day the contact gap reached the threshold, the first day of the window
before the contract's end.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.action_plan.models import OPEN_ACTION_STATUSES, Action, ActionStatus, Section
from tremplin.exits.alerts import follow_up_due_sentence
from tremplin.interviews.models import Attendance
from tremplin.interviews.services import next_interview_due
from tremplin.observations.models import Observation
from tremplin.orientations.models import AWAITING_NEWS, Orientation
from tremplin.pathways.models import Pathway

NO_CONTACT = "no_contact"
INTERVIEW_LATE = "interview_late"
CONTRACT_ENDING = "contract_ending"
ACTION_OVERDUE = "action_overdue"
CASELOAD_OVER = "caseload_over"
ORIENTATION_NO_NEWS = "orientation_no_news"
FOLLOW_UP_DUE = "follow_up_due"

# Sections of the plan whose actions prepare the exit (see has_exit_plan).
EXIT_SECTIONS = (Section.JOB_SEARCH, Section.FOLLOW_UP)


def no_contact_days() -> int:
    return getattr(settings, "TREMPLIN_NO_CONTACT_DAYS", 21)


def contract_ending_days() -> int:
    return settings.TREMPLIN_CONTRACT_ENDING_DAYS


def caseload_limit() -> int:
    return settings.TREMPLIN_CASELOAD_LIMIT


@dataclass(frozen=True)
class Alert:
    kind: str
    pathway: Pathway | None  # None for an alert on the whole caseload
    sentence: str
    since: datetime.date


def with_alert_figures(pathways: QuerySet[Pathway], visibilities: Iterable[str], today=None) -> list[Pathway]:
    """The pathways, read with everything their alerts need (their running contract's end included)."""
    from tremplin.interviews.services import interviews_for_pathways

    visibilities = list(visibilities)
    loaded = list(pathways.select_related("action_plan").prefetch_related(interviews_for_pathways(visibilities)))
    load_alert_figures(loaded, visibilities, today or timezone.localdate())
    return loaded


def load_alert_figures(pathways: list[Pathway], visibilities: Iterable[str], today: datetime.date) -> None:
    """Sets on each pathway every figure the alerts and the caseload table read.

    The pathways come with their `visible_interviews` (services.interviews_for_pathways); the running
    contract's `current_contract_end` is read here unless the queryset annotated it. Each other source is read in one small grouped query over the whole
    caseload (observations, actions, orientations, follow-ups): a handful of queries whatever the caseload's
    size, each cheap to build and to run — one big query with a correlated subquery per figure cost more to
    compile than the page's whole baseline.

    Only interviews and observations at a level in `visibilities` count, so an alert never reveals a
    record its reader may not see.

    Exit plan: the pathway has an action in the "job search" or "follow-up and evaluation" section of its
    plan, not cancelled, due on or before the running contract's planned end. An action with no due date does
    not count: nothing says it will happen before the person leaves.
    """
    from tremplin.contracts.models import Contract, ContractStatus
    from tremplin.exits.models import FollowUp

    ids = [pathway.pk for pathway in pathways]
    if not ids:
        return
    if pathways and not hasattr(pathways[0], "current_contract_end"):
        # The running contract (active or suspended), the latest started if a renewal overlaps.
        ends: dict[int, object] = {}
        for pathway_id, end in (
            Contract.objects.filter(pathway_id__in=ids, status__in=(ContractStatus.ACTIVE, ContractStatus.SUSPENDED))
            .order_by("pathway_id", "-start_date")
            .values_list("pathway_id", "planned_end_date")
        ):
            ends.setdefault(pathway_id, end)
        for pathway in pathways:
            pathway.current_contract_end = ends.get(pathway.pk)
    visibilities = list(visibilities)
    observations = {
        row["pathway_id"]: row
        for row in Observation.objects.filter(pathway_id__in=ids, visibility__in=visibilities)
        .order_by()
        .values("pathway_id")
        .annotate(
            last=Max("observed_on"),
            flagged=Count("pk", filter=Q(needs_social_follow_up=True, acknowledged_at__isnull=True)),
        )
    }
    overdue = Q(status__in=OPEN_ACTION_STATUSES, due_date__lt=today)
    prepares_exit = Q(section__in=EXIT_SECTIONS, due_date__isnull=False) & ~Q(status=ActionStatus.CANCELLED)
    actions = {
        row["plan__pathway_id"]: row
        for row in Action.objects.filter(plan__pathway_id__in=ids)
        .filter(overdue | prepares_exit)
        .order_by()
        .values("plan__pathway_id")
        .annotate(
            overdue=Count("pk", filter=overdue),
            oldest_overdue=Min("due_date", filter=overdue),
            first_exit_step=Min("due_date", filter=prepares_exit),
        )
    }
    waiting = {
        row["pathway_id"]: row
        for row in Orientation.objects.filter(pathway_id__in=ids, status__in=AWAITING_NEWS, news_due_on__lt=today)
        .order_by()
        .values("pathway_id")
        .annotate(n=Count("pk"), oldest=Min("news_due_on"))
    }
    follow_ups: dict[int, dict] = {}
    for row in (
        FollowUp.objects.filter(exit__pathway_id__in=ids, outcome="")
        .order_by("due_on", "id")
        .values("exit__pathway_id", "due_on", "months")
    ):
        follow_ups.setdefault(row["exit__pathway_id"], row)

    for pathway in pathways:
        held = [
            interview.held_on
            for interview in getattr(pathway, "visible_interviews", ())
            if interview.held_on is not None and interview.attendance == Attendance.PRESENT
        ]
        pathway.last_interview_on = max(held, default=None)
        seen = observations.get(pathway.pk, {})
        pathway.last_observation_on = seen.get("last")
        pathway.flagged_observations = seen.get("flagged", 0)
        planned = actions.get(pathway.pk, {})
        pathway.overdue_actions = planned.get("overdue", 0)
        pathway.oldest_overdue_on = planned.get("oldest_overdue")
        end = getattr(pathway, "current_contract_end", None)
        first_exit_step = planned.get("first_exit_step")
        pathway.has_exit_plan = bool(end and first_exit_step and first_exit_step <= end)
        news = waiting.get(pathway.pk, {})
        pathway.orientations_without_news = news.get("n", 0)
        pathway.oldest_news_due_on = news.get("oldest")
        follow_up = follow_ups.get(pathway.pk, {})
        pathway.follow_up_due_on = follow_up.get("due_on")
        pathway.follow_up_due_months = follow_up.get("months")


def last_contact_on(pathway: Pathway) -> datetime.date:
    """Last held interview the person attended, last observation, or last status change (the opening counts)."""
    dates = [timezone.localtime(pathway.status_changed_at).date()]
    dates += [d for d in (pathway.last_interview_on, pathway.last_observation_on) if d is not None]
    return max(dates)


def _date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def pathway_alerts(pathway: Pathway, today: datetime.date, visibilities: Iterable[str]) -> list[Alert]:
    """The alerts of one pathway read with its figures (see load_alert_figures); reads no database."""
    alerts = []
    name = pathway.person.full_name

    threshold = no_contact_days()
    last = last_contact_on(pathway)
    if (today - last).days >= threshold:
        alerts.append(
            Alert(
                NO_CONTACT,
                pathway,
                _("%(name)s : aucun contact depuis %(days)s jours (dernier contact le %(date)s).")
                % {"name": name, "days": (today - last).days, "date": _date(last)},
                last + datetime.timedelta(days=threshold),
            )
        )

    due = next_interview_due(pathway, set(visibilities))
    if due is not None and due < today:
        alerts.append(
            Alert(
                INTERVIEW_LATE,
                pathway,
                _("%(name)s : l'entretien de suivi était attendu le %(date)s selon la fréquence du plan.")
                % {"name": name, "date": _date(due)},
                due + datetime.timedelta(days=1),
            )
        )

    end = getattr(pathway, "current_contract_end", None)
    window = contract_ending_days()
    if end is not None and today <= end and (end - today).days <= window and not pathway.has_exit_plan:
        alerts.append(
            Alert(
                CONTRACT_ENDING,
                pathway,
                _(
                    "%(name)s : le contrat se termine le %(date)s et aucune action de recherche d'emploi "
                    "ou de suivi n'est prévue avant cette date."
                )
                % {"name": name, "date": _date(end)},
                end - datetime.timedelta(days=window),
            )
        )

    if pathway.overdue_actions:
        alerts.append(
            Alert(
                ACTION_OVERDUE,
                pathway,
                ngettext(
                    "%(name)s : %(n)s action du plan est en retard (échéance la plus ancienne : %(date)s).",
                    "%(name)s : %(n)s actions du plan sont en retard (échéance la plus ancienne : %(date)s).",
                    pathway.overdue_actions,
                )
                % {"name": name, "n": pathway.overdue_actions, "date": _date(pathway.oldest_overdue_on)},
                pathway.oldest_overdue_on + datetime.timedelta(days=1),
            )
        )

    follow_up_due_on = getattr(pathway, "follow_up_due_on", None)
    if follow_up_due_on is not None and follow_up_due_on <= today:
        alerts.append(
            Alert(
                FOLLOW_UP_DUE,
                pathway,
                follow_up_due_sentence(name, pathway.follow_up_due_months, follow_up_due_on),
                follow_up_due_on,
            )
        )

    if getattr(pathway, "orientations_without_news", 0):
        alerts.append(
            Alert(
                ORIENTATION_NO_NEWS,
                pathway,
                ngettext(
                    "%(name)s : %(n)s orientation vers un partenaire est sans nouvelles (attendues le %(date)s au plus tard).",
                    "%(name)s : %(n)s orientations vers des partenaires sont sans nouvelles (la première attendue le %(date)s).",
                    pathway.orientations_without_news,
                )
                % {"name": name, "n": pathway.orientations_without_news, "date": _date(pathway.oldest_news_due_on)},
                pathway.oldest_news_due_on + datetime.timedelta(days=1),
            )
        )
    return alerts


def caseload_alert(active: int, today: datetime.date, limit: int | None = None) -> Alert | None:
    limit = caseload_limit() if limit is None else limit
    if active <= limit:
        return None
    return Alert(
        CASELOAD_OVER,
        None,
        _("Vous suivez %(n)s personnes, au-delà des %(limit)s recommandées pour un accompagnement de qualité.")
        % {"n": active, "limit": limit},
        today,
    )


def alerts_for(
    pathways: Iterable[Pathway], visibilities: Iterable[str], today: datetime.date | None = None
) -> list[Alert]:
    """Every alert of annotated pathways, plus the caseload one; the oldest first."""
    today = today or timezone.localdate()
    visibilities = set(visibilities)
    pathways = list(pathways)
    alerts = [alert for pathway in pathways for alert in pathway_alerts(pathway, today, visibilities)]
    over = caseload_alert(len(pathways), today)
    if over:
        alerts.append(over)
    return sorted(alerts, key=lambda alert: alert.since)
