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
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tremplin.action_plan.models import OPEN_ACTION_STATUSES, Action, ActionStatus, Section
from tremplin.exits.alerts import follow_up_due_sentence
from tremplin.interviews.services import due_from, follow_up_days
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
MISSED_MEETINGS = "missed_meetings"
MISSED_IN_A_ROW = 3  # meetings missed since the person last came: the alert's threshold (issue 16)

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

    @property
    def since_text(self) -> str:
        return _("depuis le %(date)s") % {"date": _date(self.since)}


def with_alert_figures(pathways: QuerySet[Pathway], visibilities: Iterable[str], today=None) -> list[Pathway]:
    """The pathways, read with everything their alerts need (their running contract's end included)."""
    visibilities = list(visibilities)
    loaded = list(pathways.select_related("action_plan"))
    load_alert_figures(loaded, visibilities, today or timezone.localdate())
    return loaded


def load_alert_figures(pathways: list[Pathway], visibilities: Iterable[str], today: datetime.date) -> None:
    """Sets on each pathway every figure the alerts and the caseload table read, in one query.

    The pathways come with their action plan (select_related: the follow-up frequency); the running
    contract's `current_contract_end` is set here unless the queryset annotated it.

    Only interviews, observations, actions and orientations at a level in `visibilities` count, so an alert
    never reveals a record its reader may not see.

    Exit plan: the pathway has an action in the "job search" or "follow-up and evaluation" section of its
    plan, not cancelled, due on or before the running contract's planned end. An action with no due date does
    not count: nothing says it will happen before the person leaves.
    """
    if not pathways:
        return
    figures = read_figures([pathway.pk for pathway in pathways], list(visibilities), today, timezone.now())
    annotated_end = hasattr(pathways[0], "current_contract_end")
    for pathway in pathways:
        row = figures.get(pathway.pk) or Figures()
        if not annotated_end:
            pathway.current_contract_end = row.contract_end
        pathway.last_interview_on = row.last_attended
        pathway.next_interview_on = due_from(row.last_follow_up, follow_up_days(pathway), row.next_planned)
        pathway.next_planned_at = row.next_planned  # the next interview planned, whatever the plan's frequency
        pathway.last_observation_on = row.last_observation
        pathway.flagged_observations = row.flagged_observations
        pathway.overdue_actions = row.overdue_actions
        pathway.oldest_overdue_on = row.oldest_overdue
        end = pathway.current_contract_end
        pathway.has_exit_plan = bool(end and row.first_exit_step and row.first_exit_step <= end)
        pathway.orientations_without_news = row.orientations_without_news
        pathway.oldest_news_due_on = row.oldest_news_due
        pathway.follow_up_due_on = row.follow_up_due
        pathway.follow_up_due_months = row.follow_up_months
        pathway.missed_in_a_row = row.missed_in_a_row
        pathway.last_missed_on = row.last_missed


@dataclass(frozen=True)
class Figures:
    """One pathway's figures, in the order of read_figures' columns."""

    contract_end: datetime.date | None = None  # the running contract (active or suspended), latest started
    last_attended: datetime.date | None = None  # last held interview the person attended, any kind
    last_follow_up: datetime.date | None = None  # the same, of a follow-up kind
    next_planned: datetime.datetime | None = None  # earliest interview planned from now on, not held
    last_observation: datetime.date | None = None
    flagged_observations: int = 0  # needing social follow-up, not acknowledged
    overdue_actions: int = 0
    oldest_overdue: datetime.date | None = None
    first_exit_step: datetime.date | None = None  # first dated action preparing the exit, not cancelled
    orientations_without_news: int = 0
    oldest_news_due: datetime.date | None = None
    follow_up_due: datetime.date | None = None  # first follow-up after exit without an outcome
    follow_up_months: int | None = None
    missed_in_a_row: int = 0  # held meetings the person missed since they last came
    last_missed: datetime.date | None = None


def read_figures(
    ids: list[int], visibilities: list[str], today: datetime.date, now: datetime.datetime
) -> dict[int, Figures]:
    """Every figure of every pathway in `ids` in one SQL statement, one scalar subquery per figure.

    Written as SQL rather than with the ORM: the same figures read with the ORM (one big annotated query,
    or one grouped query per table) cost several times more to compile than to run, and this is the
    counsellor's first screen. Table names come from the models; every value is a named parameter.
    Runs on PostgreSQL and SQLite (the alert tests run on both).
    """
    from tremplin.action_plan.models import ActionPlan
    from tremplin.contracts.models import Contract, ContractStatus
    from tremplin.exits.models import Exit, FollowUp
    from tremplin.interviews.models import FOLLOW_UP_KINDS, Attendance, Interview

    params: dict[str, object] = {
        "today": today,
        "now": now,
        "present": Attendance.PRESENT,
        "flagged": True,
        "cancelled": ActionStatus.CANCELLED,
        "no_outcome": "",
    }

    def among(name: str, items) -> str:
        """Placeholders of an IN list, its values added to the parameters."""
        names = []
        for i, item in enumerate(items):
            params[f"{name}{i}"] = item
            names.append(f"%({name}{i})s")
        return ", ".join(names)

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    pathways = among("pathway", ids)
    visible = among("visibility", visibilities)
    attended = "held_on IS NOT NULL AND attendance = %(present)s"
    overdue = f"a.status IN ({among('open', OPEN_ACTION_STATUSES)}) AND a.due_date < %(today)s"
    prepares_exit = (
        f"a.section IN ({among('exit_section', EXIT_SECTIONS)}) AND a.due_date IS NOT NULL "
        "AND a.status <> %(cancelled)s"
    )
    running = among("running", (ContractStatus.ACTIVE, ContractStatus.SUSPENDED))
    follow_ups = (
        f"FROM {table(FollowUp)} f INNER JOIN {table(Exit)} e ON e.id = f.exit_id WHERE e.pathway_id = p.id "
        "AND f.outcome = %(no_outcome)s ORDER BY f.due_on, f.id LIMIT 1"
    )
    # Each table is read once, grouped by pathway (a correlated subquery per figure read the same rows up to
    # three times per person); the running contract and the next follow-up are one indexed row each.
    # Names come from the models, every value is a parameter (see among).
    sql = f"""SELECT p.id,
        (SELECT c.planned_end_date FROM {table(Contract)} c WHERE c.pathway_id = p.id AND c.status IN ({running})
            ORDER BY c.start_date DESC, c.id DESC LIMIT 1),
        i.last_attended, i.last_follow_up, i.next_planned,
        o.last_observation, o.flagged,
        a.overdue, a.oldest_overdue, a.first_exit_step,
        r.waiting, r.oldest_news_due,
        (SELECT f.due_on {follow_ups}),
        (SELECT f.months {follow_ups}),
        m.missed, m.last_missed
    FROM {table(Pathway)} p
    LEFT JOIN (
        SELECT pathway_id,
            MAX(CASE WHEN {attended} THEN held_on END) AS last_attended,
            MAX(CASE WHEN {attended} AND kind IN ({among("follow_up", FOLLOW_UP_KINDS)}) THEN held_on END)
                AS last_follow_up,
            MIN(CASE WHEN held_on IS NULL AND planned_at >= %(now)s THEN planned_at END) AS next_planned
        FROM {table(Interview)} WHERE pathway_id IN ({pathways}) AND visibility IN ({visible}) GROUP BY pathway_id
    ) i ON i.pathway_id = p.id
    LEFT JOIN (
        SELECT pathway_id, MAX(observed_on) AS last_observation,
            SUM(CASE WHEN needs_social_follow_up = %(flagged)s AND acknowledged_at IS NULL THEN 1 ELSE 0 END)
                AS flagged
        FROM {table(Observation)} WHERE pathway_id IN ({pathways}) AND visibility IN ({visible}) GROUP BY pathway_id
    ) o ON o.pathway_id = p.id
    LEFT JOIN (
        SELECT ap.pathway_id, SUM(CASE WHEN {overdue} THEN 1 ELSE 0 END) AS overdue,
            MIN(CASE WHEN {overdue} THEN a.due_date END) AS oldest_overdue,
            MIN(CASE WHEN {prepares_exit} THEN a.due_date END) AS first_exit_step
        FROM {table(Action)} a INNER JOIN {table(ActionPlan)} ap ON ap.id = a.plan_id
        WHERE ap.pathway_id IN ({pathways}) AND a.visibility IN ({visible}) GROUP BY ap.pathway_id
    ) a ON a.pathway_id = p.id
    LEFT JOIN (
        SELECT pathway_id, COUNT(*) AS waiting, MIN(news_due_on) AS oldest_news_due FROM {table(Orientation)}
        WHERE pathway_id IN ({pathways}) AND visibility IN ({visible})
            AND status IN ({among("awaiting", AWAITING_NEWS)}) AND news_due_on < %(today)s
        GROUP BY pathway_id
    ) r ON r.pathway_id = p.id
    LEFT JOIN (
        SELECT x.pathway_id, COUNT(*) AS missed, MAX(x.held_on) AS last_missed FROM {table(Interview)} x
        WHERE x.pathway_id IN ({pathways}) AND x.visibility IN ({visible}) AND x.held_on IS NOT NULL
            AND x.attendance IN ({among("absent", (Attendance.ABSENT_EXCUSED, Attendance.ABSENT_UNEXCUSED))})
            AND NOT EXISTS (SELECT 1 FROM {table(Interview)} y WHERE y.pathway_id = x.pathway_id
                AND y.visibility IN ({visible}) AND y.held_on >= x.held_on AND y.attendance = %(present)s)
        GROUP BY x.pathway_id
    ) m ON m.pathway_id = p.id
    WHERE p.id IN ({pathways})"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        pathway_id: Figures(
            contract_end=_day(contract_end),
            last_attended=_day(last_attended),
            last_follow_up=_day(last_follow_up),
            next_planned=_moment(next_planned),
            last_observation=_day(last_observation),
            flagged_observations=flagged or 0,
            overdue_actions=overdue_count or 0,
            oldest_overdue=_day(oldest_overdue),
            first_exit_step=_day(first_exit_step),
            orientations_without_news=waiting_count or 0,
            oldest_news_due=_day(oldest_news_due),
            follow_up_due=_day(follow_up_due),
            follow_up_months=follow_up_months,
            missed_in_a_row=missed or 0,
            last_missed=_day(last_missed),
        )
        for (
            pathway_id,
            contract_end,
            last_attended,
            last_follow_up,
            next_planned,
            last_observation,
            flagged,
            overdue_count,
            oldest_overdue,
            first_exit_step,
            waiting_count,
            oldest_news_due,
            follow_up_due,
            follow_up_months,
            missed,
            last_missed,
        ) in rows
    }


def _day(value) -> datetime.date | None:
    """A date as the driver returns it (PostgreSQL: a date; SQLite: an ISO string)."""
    if value is None or isinstance(value, datetime.date):
        return value
    return parse_date(str(value)[:10])


def _moment(value) -> datetime.datetime | None:
    """An aware datetime (SQLite returns the stored UTC text)."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    moment = parse_datetime(str(value))
    return timezone.make_aware(moment, datetime.UTC) if timezone.is_naive(moment) else moment


def last_contact_on(pathway: Pathway) -> datetime.date:
    """Last held interview the person attended, last observation, or last status change (the opening counts)."""
    dates = [timezone.localtime(pathway.status_changed_at).date()]
    dates += [d for d in (pathway.last_interview_on, pathway.last_observation_on) if d is not None]
    return max(dates)


def _date(day: datetime.date) -> str:
    return short_date(day, get_language())


@functools.lru_cache(maxsize=4096)
def short_date(day: datetime.date, language: str | None) -> str:
    """The localised short date; cached per day and language, as a caseload repeats the same few days."""
    return date_format(day, "SHORT_DATE_FORMAT")


def pathway_alerts(pathway: Pathway, today: datetime.date) -> list[Alert]:
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

    due = pathway.next_interview_on
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

    missed = getattr(pathway, "missed_in_a_row", 0)
    if missed >= MISSED_IN_A_ROW:
        alerts.append(
            Alert(
                MISSED_MEETINGS,
                pathway,
                _("%(name)s : %(n)s rendez-vous manqués d'affilée (le dernier le %(date)s).")
                % {"name": name, "n": missed, "date": _date(pathway.last_missed_on)},
                pathway.last_missed_on,
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


def alerts_for(pathways: Iterable[Pathway], today: datetime.date | None = None) -> list[Alert]:
    """Every alert of pathways read with their figures (at the reader's visibility, see load_alert_figures),
    plus the caseload one; the oldest first."""
    today = today or timezone.localdate()
    pathways = list(pathways)
    alerts = [alert for pathway in pathways for alert in pathway_alerts(pathway, today)]
    over = caseload_alert(len(pathways), today)
    if over:
        alerts.append(over)
    return sorted(alerts, key=lambda alert: alert.since)
