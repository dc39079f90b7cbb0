"""Rules of interviews: planning, recording as held, the intake interview, and when the next one is due.

Every function raises ValidationError keyed by form field names and saves nothing on refusal.
"""

import datetime

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.action_plan.models import FOLLOW_UP_DAYS

from .intake import QUESTION_KEYS
from .models import FOLLOW_UP_KINDS, Attendance, Interview, Kind


def _check(interview: Interview, *, recording: bool, planned_at_changed: bool) -> None:
    """Bad input on any interview: dates out of order, attendance missing, third party missing."""
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if interview.kind == Kind.TRIPARTITE and not interview.third_party.strip():
        errors.setdefault("third_party", []).append(
            _("Tiers présent : indiquez le prescripteur ou l'employeur présent à l'entretien tripartite.")
        )
    if interview.held_on is not None:
        if interview.held_on > today:
            errors.setdefault("held_on", []).append(
                _("Date de l'entretien : elle ne peut pas être dans le futur (aujourd'hui : %(today)s).")
                % {"today": date_format(today, "SHORT_DATE_FORMAT")}
            )
        if not interview.attendance:
            errors.setdefault("attendance", []).append(
                _("Présence : indiquez si la personne était présente ou absente à l'entretien tenu.")
            )
    elif interview.attendance:
        errors.setdefault("held_on", []).append(
            _("Date de l'entretien : indiquez quand l'entretien a eu lieu pour enregistrer la présence.")
        )
    elif recording:
        errors.setdefault("held_on", []).append(_("Date de l'entretien : obligatoire pour l'enregistrer comme tenu."))
    if (
        not recording
        and interview.held_on is None
        and planned_at_changed
        and interview.planned_at is not None
        and interview.planned_at < timezone.now()
    ):
        errors.setdefault("planned_at", []).append(
            _(
                "Date prévue : un rendez-vous ne peut pas être prévu dans le passé. "
                "Pour un entretien déjà tenu, enregistrez-le comme tenu."
            )
        )
    if errors:
        raise ValidationError(errors)


def plan_interview(*, pathway, by, kind: str, planned_at: datetime.datetime, **fields) -> Interview:
    """Plans a meeting in the future."""
    interview = Interview(pathway=pathway, kind=kind, planned_at=planned_at, **fields)
    if interview.led_by is None:
        interview.led_by = by
    _check(interview, recording=False, planned_at_changed=True)
    interview.save()
    return interview


def record_held_interview(
    *, pathway, by, kind: str, held_on: datetime.date, attendance: str, notes: str = "", **fields
) -> Interview:
    """Records a meeting that already took place, with its date, without planning it first.

    Its planned moment is the day it was held (at the time of recording, so that meetings of one day keep
    the order they were recorded in); the rules of a held interview apply (no date in the future)."""
    now = timezone.localtime()
    planned_at = (
        timezone.make_aware(datetime.datetime.combine(held_on, now.time().replace(second=0, microsecond=0)))
        if held_on
        else now
    )
    interview = Interview(
        pathway=pathway,
        kind=kind,
        planned_at=planned_at,
        held_on=held_on,
        attendance=attendance,
        notes=notes,
        **fields,
    )
    if interview.led_by is None:
        interview.led_by = by
    _check(interview, recording=True, planned_at_changed=False)
    interview.save()
    return interview


def record_interview(
    interview: Interview, *, held_on: datetime.date, attendance: str, notes: str, visibility: str
) -> Interview:
    """Records a planned meeting as held; the planned date may then lie in the past."""
    interview.held_on = held_on
    interview.attendance = attendance
    interview.notes = notes
    interview.visibility = visibility or interview.visibility
    _check(interview, recording=True, planned_at_changed=False)
    interview.save()
    return interview


def update_interview(interview: Interview, *, planned_at_changed: bool) -> Interview:
    """Saves an edited interview (the form has set its fields)."""
    _check(interview, recording=False, planned_at_changed=planned_at_changed)
    interview.save()
    return interview


@transaction.atomic
def save_intake(
    *, pathway, by, held_on: datetime.date, answers: dict, visibility: str, notes: str = "", led_by=None
) -> Interview:
    """The intake interview: one dated, held interview with its answers to the guided questions."""
    now = timezone.localtime()
    planned_at = timezone.make_aware(datetime.datetime.combine(held_on, now.time())) if held_on else now
    interview = Interview(
        pathway=pathway,
        kind=Kind.INTAKE,
        planned_at=planned_at,
        held_on=held_on,
        attendance=Attendance.PRESENT,
        led_by=led_by or by,
        notes=notes,
        visibility=visibility,
        answers={key: (answers.get(key) or "").strip() for key in QUESTION_KEYS if (answers.get(key) or "").strip()},
    )
    _check(interview, recording=True, planned_at_changed=False)
    interview.save()
    return interview


def follow_up_days(pathway) -> int | None:
    """Days between two follow-up interviews set in the pathway's plan, or None without a plan."""
    try:
        plan = pathway.action_plan
    except (ObjectDoesNotExist, AttributeError):
        return None
    return FOLLOW_UP_DAYS.get(plan.follow_up_frequency) if plan is not None else None


def _interviews(pathway, visibilities) -> list[Interview]:
    prefetched = getattr(pathway, "visible_interviews", None)
    if prefetched is not None:
        rows = prefetched
    else:
        rows = list(
            Interview.objects.filter(pathway=pathway).only(
                "pathway_id", "kind", "planned_at", "held_on", "attendance", "visibility"
            )
        )
    if visibilities is not None:
        rows = [row for row in rows if row.visibility in visibilities]
    return rows


def next_interview_due(pathway, visibilities=None) -> datetime.date | None:
    """Last follow-up interview the person attended + the plan's frequency, or the earliest planned
    future interview if sooner. Only interviews whose visibility is in `visibilities` count (all when None),
    so a reader never learns of a meeting they may not see.

    A pathway may carry `visible_interviews` (a prefetched list, see interviews_for_pathways) to spare queries.
    """
    rows = _interviews(pathway, visibilities)
    held = [r.held_on for r in rows if r.held_on and r.kind in FOLLOW_UP_KINDS and r.attendance == Attendance.PRESENT]
    now = timezone.now()
    planned = [r.planned_at for r in rows if r.held_on is None and r.planned_at >= now]
    return due_from(max(held, default=None), follow_up_days(pathway), min(planned, default=None))


def due_from(
    last_follow_up: datetime.date | None, days: int | None, next_planned: datetime.datetime | None
) -> datetime.date | None:
    """The rule of next_interview_due on its three figures (dashboards.alerts.read_figures reads them for a caseload)."""
    candidates = []
    if last_follow_up is not None and days:
        candidates.append(last_follow_up + datetime.timedelta(days=days))
    if next_planned is not None:
        candidates.append(timezone.localtime(next_planned).date())
    return min(candidates) if candidates else None


def interviews_for_pathways(visibilities):
    """A Prefetch of the few interview fields next_interview_due reads, limited to what the reader may see."""
    from django.db.models import Prefetch

    return Prefetch(
        "interviews",
        queryset=Interview.objects.visible_to(visibilities).only(
            "pathway_id", "kind", "planned_at", "held_on", "attendance", "visibility"
        ),
        to_attr="visible_interviews",
    )
