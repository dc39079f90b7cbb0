"""What the printable programme and the exit assessment say, read from the other apps.

Each function returns a plain context for a template; nothing here writes.
Barriers are always filtered by what the reader may see (`visibilities_for`),
so a PDF never carries more than the reader's own pages do.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tremplin.action_plan.models import OPEN_ACTION_STATUSES, Action, ActionPlan, ActionStatus, ObjectiveStatus, Section
from tremplin.barriers.models import Barrier, BarrierStatus
from tremplin.barriers.services import entry_and_current
from tremplin.contracts.models import Contract
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.interviews.intake import answered_sections
from tremplin.interviews.models import Interview, Kind
from tremplin.interviews.services import next_interview_due
from tremplin.pathways.models import Status

EXIT_STATUSES = (Status.EXITED, Status.FOLLOW_UP, Status.CLOSED, Status.WITHDRAWN)
PLANNED_ACTIONS_SHOWN = 8


@dataclass
class SectionActions:
    label: str
    actions: list


@dataclass
class ContractRow:
    contract: Contract
    end_date: datetime.date
    days: int


def readable_barriers(pathway, visibilities) -> list[Barrier]:
    """The pathway's barriers the reader may see, the person's priorities first."""
    barriers = pathway.barriers.visible_to(visibilities)
    return sorted(barriers, key=lambda b: (b.person_priority is None, b.person_priority or 0, b.domain, b.pk))


def _plan(pathway) -> ActionPlan | None:
    return ActionPlan.objects.filter(pathway=pathway).first()


def _objectives(plan, barrier_ids: set[int], visibilities) -> list:
    """Objectives of the plan the reader may see (their level follows their barriers', decisions 0008 and
    0013); the links to barriers the reader may not see are dropped from the print."""
    if plan is None:
        return []
    objectives = list(
        plan.objectives.visible_to(visibilities).select_related("target_job").prefetch_related("barriers")
    )
    for objective in objectives:
        objective.readable_barriers = sorted(
            (b for b in objective.barriers.all() if b.pk in barrier_ids), key=lambda b: (b.domain, b.pk)
        )
    return objectives


def _actions(plan, visibilities) -> list[Action]:
    if plan is None:
        return []
    return list(plan.actions.visible_to(visibilities).select_related("objective", "owner_user", "owner_partner"))


def _by_section(actions: list[Action]) -> list[SectionActions]:
    return [
        SectionActions(label=section.label, actions=[a for a in actions if a.section == section])
        for section in Section
        if any(a.section == section for a in actions)
    ]


@dataclass
class IntakeRecord:
    interview: Interview
    sections: list


@dataclass
class ReviewRecord:
    review: object
    changes: list[str]


def _intake(pathway, visibilities, sees_social: bool) -> IntakeRecord | None:
    """The intake interview (initial assessment) with the answers this reader may read."""
    interview = (
        Interview.objects.filter(pathway=pathway, kind=Kind.INTAKE)
        .visible_to(visibilities)
        .select_related("led_by")
        .order_by("held_on", "id")
        .first()
    )
    if interview is None:
        return None
    return IntakeRecord(interview=interview, sections=answered_sections(interview.answers, sees_social=sees_social))


def _held_interviews(pathway, visibilities) -> list[Interview]:
    """Follow-up meetings held (or missed), oldest first, with their results: what the reader may read."""
    return list(
        Interview.objects.filter(pathway=pathway, held_on__isnull=False)
        .visible_to(visibilities)
        .exclude(kind=Kind.INTAKE)
        .select_related("led_by")
        .order_by("held_on", "planned_at", "id")
    )


def _reviews(plan, sees_social: bool) -> list[ReviewRecord]:
    """Reviews of the plan, oldest first; lines naming social-staff items only for the social staff."""
    if plan is None:
        return []
    return [
        ReviewRecord(
            review=review, changes=list(review.changes) + (list(review.restricted_changes) if sees_social else [])
        )
        for review in plan.reviews.select_related("reviewed_by").order_by("reviewed_on", "created_at", "id")
    ]


def _contract_rows(pathway) -> list[ContractRow]:
    contracts = pathway.contracts.select_related("worksite").order_by("start_date", "id")
    return [
        ContractRow(contract=c, end_date=c.effective_end_date, days=(c.effective_end_date - c.start_date).days + 1)
        for c in contracts
    ]


def current_contract(rows: list[ContractRow]) -> Contract | None:
    """The contract running today, else the latest one."""
    today = timezone.localdate()
    running = [r.contract for r in rows if r.contract.start_date <= today <= r.end_date]
    if running:
        return running[-1]
    return rows[-1].contract if rows else None


def programme_context(pathway, membership) -> dict:
    """Everything the individual insertion programme prints, for this reader."""
    visibilities = visibilities_for(membership)
    barriers = readable_barriers(pathway, visibilities)
    plan = _plan(pathway)
    actions = _actions(plan, visibilities)
    contracts = _contract_rows(pathway)
    today = timezone.localdate()
    sees_social = Visibility.SOCIAL_STAFF_ONLY in visibilities
    return {
        "intake": _intake(pathway, visibilities, sees_social),
        "held_interviews": _held_interviews(pathway, visibilities),
        "reviews": _reviews(plan, sees_social),
        "pathway": pathway,
        "person": pathway.person,
        "structure": pathway.structure,
        "contract": current_contract(contracts),
        "target_jobs": list(pathway.target_jobs.all()),
        "barriers": barriers,
        "plan": plan,
        "objectives": _objectives(plan, {b.pk for b in barriers}, visibilities),
        "sections": _by_section(actions),
        "next_interview": next_interview_due(pathway, visibilities),
        "planned_actions": [a for a in actions if a.status in OPEN_ACTION_STATUSES][:PLANNED_ACTIONS_SHOWN],
        "counsellor": pathway.referent,
        "place": pathway.structure.city,
        "today": today,
    }


def exit_context(pathway) -> dict | None:
    """The exit, if the pathway has ended: its status, the reason given and how the last contract ended."""
    if pathway.status not in EXIT_STATUSES:
        return None
    from tremplin.exits.models import Exit

    change = pathway.status_changes.filter(to_status__in=EXIT_STATUSES).order_by("changed_at", "id").first()
    return {
        "status": pathway.get_status_display(),
        "on": change.changed_at if change else None,
        "reason": change.reason if change else "",
        # The exit as recorded in its programme's categories (tremplin/exits), when it is.
        "record": Exit.objects.filter(pathway=pathway).select_related("recorded_by").first(),
    }


def exit_assessment_context(pathway, membership) -> dict:
    """What was identified at entry, what has been lifted, what was achieved and done."""
    visibilities = visibilities_for(membership)
    rows = entry_and_current(pathway, visibilities=visibilities)
    plan = _plan(pathway)
    actions = _actions(plan, visibilities)
    objectives = _objectives(plan, {row.barrier.pk for row in rows}, visibilities)
    steps = list(pathway.welcome_steps.all())
    contracts = _contract_rows(pathway)
    last = contracts[-1].contract if contracts else None
    return {
        "pathway": pathway,
        "person": pathway.person,
        "structure": pathway.structure,
        "barrier_rows": rows,
        "lifted_count": sum(1 for row in rows if row.barrier.status == BarrierStatus.LIFTED),
        "objectives": objectives,
        "achieved_objectives": [o for o in objectives if o.status == ObjectiveStatus.ACHIEVED],
        "done_actions": [a for a in actions if a.status == ActionStatus.DONE],
        "welcome_done": sum(1 for s in steps if s.done_on),
        "welcome_total": len(steps),
        "contracts": contracts,
        "total_days": sum(r.days for r in contracts),
        "last_contract": last,
        "exit": exit_context(pathway),
        "counsellor": pathway.referent,
        "place": pathway.structure.city,
        "today": timezone.localdate(),
    }
