"""From a source record to its timeline events (unsaved), shared by the signal receivers and `rebuild_timeline`.

Which records: the `timeline` sources of the personal-data registry (`tremplin/<app>/personal_data.py`);
the builders of the apps that had no timeline module of their own are here, the others in `<app>/timeline.py`.

Each builder returns the events the record should have now; a record that no
longer qualifies (an action re-opened) returns none and its event is removed.
"""

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone

from tremplin.core import personal_data
from tremplin.core.visibility import Visibility, most_restrictive

from .models import EventKind, TimelineEvent


def _staff(user) -> str:
    return str(user) if user is not None else ""


def _at(day: datetime.date | None, recorded: datetime.datetime | None) -> datetime.datetime:
    """A date-only fact happens at the time it was recorded if recorded that day, else at noon."""
    if day is None:
        return recorded or timezone.now()
    if recorded is not None and timezone.localdate(recorded) == day:
        return recorded
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _iso(day) -> str:
    return day.isoformat() if day else ""


def make_event(source, pathway, *, kind, at, data, visibility, variant="") -> TimelineEvent:
    """One unsaved event of `source` on `pathway`. `data` holds codes, dates, ids and staff names only."""
    return TimelineEvent(
        pathway_id=pathway.pk,
        person_id=pathway.person_id,
        structure_id=pathway.structure_id,
        occurred_at=at,
        kind=kind,
        variant=variant,
        data={key: value for key, value in data.items() if value not in ("", None)},
        visibility=visibility,
        source_type=source._meta.label_lower,
        source_id=source_key(source),
    )


def source_key(source) -> str:
    public_id = getattr(source, "public_id", None)
    return str(public_id) if public_id is not None else str(source.pk)


def status_change_events(change) -> list[TimelineEvent]:
    return [
        make_event(
            change,
            change.pathway,
            kind=EventKind.STATUS_CHANGE,
            at=change.changed_at,
            data={"from": change.from_status, "to": change.to_status, "by": _staff(change.changed_by)},
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def contract_events(contract) -> list[TimelineEvent]:
    from tremplin.contracts.models import ContractStatus

    dates = {
        "start": _iso(contract.start_date),
        "end": _iso(contract.planned_end_date),
        "by": _staff(contract.signed_by),
    }
    begun = "renewed" if contract.renews_id else "signed"
    events = [
        make_event(
            contract,
            contract.pathway,
            kind=EventKind.CONTRACT,
            variant=begun,
            at=_at(contract.start_date, contract.created_at)
            if contract.start_date <= timezone.localdate()
            else contract.created_at,
            data=dates,
            visibility=Visibility.WHOLE_TEAM,
        )
    ]
    if contract.status == ContractStatus.ENDED_EARLY:
        events.append(
            make_event(
                contract,
                contract.pathway,
                kind=EventKind.CONTRACT,
                variant="ended_early",
                at=_at(contract.ended_on, contract.updated_at),
                data={"ended_on": _iso(contract.ended_on), "reason": contract.early_end_reason},
                visibility=Visibility.WHOLE_TEAM,
            )
        )
    elif contract.status == ContractStatus.COMPLETED:
        events.append(
            make_event(
                contract,
                contract.pathway,
                kind=EventKind.CONTRACT,
                variant="completed",
                at=_at(contract.planned_end_date, contract.updated_at),
                data=dates,
                visibility=Visibility.WHOLE_TEAM,
            )
        )
    return events


def interview_events(interview) -> list[TimelineEvent]:
    from tremplin.interviews.models import default_visibility

    if interview.held_on is None:
        return []
    return [
        make_event(
            interview,
            interview.pathway,
            kind=EventKind.INTERVIEW,
            at=_at(interview.held_on, interview.planned_at),
            data={"kind": interview.kind, "attendance": interview.attendance, "by": _staff(interview.led_by)},
            visibility=interview.visibility or default_visibility(interview.kind),
        )
    ]


def observation_events(observation) -> list[TimelineEvent]:
    return [
        make_event(
            observation,
            observation.pathway,
            kind=EventKind.OBSERVATION,
            at=_at(observation.observed_on, observation.created_at),
            data={
                "category": observation.category,
                "flagged": observation.needs_social_follow_up or None,
                "by": _staff(observation.author),
            },
            visibility=observation.visibility or Visibility.WHOLE_TEAM,
        )
    ]


def plan_review_events(review) -> list[TimelineEvent]:
    return [
        make_event(
            review,
            review.plan.pathway,
            kind=EventKind.PLAN_REVIEW,
            at=_at(review.reviewed_on, review.created_at),
            data={"next": _iso(review.next_review_on), "by": _staff(review.reviewed_by)},
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def barrier_change_events(change) -> list[TimelineEvent]:
    from tremplin.barriers.models import default_visibility

    barrier = change.barrier
    return [
        make_event(
            change,
            barrier.pathway,
            kind=EventKind.BARRIER_CHANGE,
            at=_at(change.changed_on, change.created_at),
            data={
                "domain": barrier.domain,
                "from": change.from_status,
                "to": change.to_status,
                "from_severity": change.from_severity,
                "to_severity": change.to_severity,
                "by": _staff(change.by),
            },
            visibility=barrier.visibility or default_visibility(barrier.domain),
        )
    ]


def action_events(action) -> list[TimelineEvent]:
    from tremplin.action_plan.models import ActionStatus

    if action.status != ActionStatus.DONE:
        return []
    # The action's stored level follows its objective and barrier (core/derived_visibility.py).
    visibility = most_restrictive(Visibility.WHOLE_TEAM, action.visibility)
    return [
        make_event(
            action,
            action.plan.pathway,
            kind=EventKind.ACTION_DONE,
            at=action.updated_at or timezone.now(),
            data={"section": action.section, "by": _staff(action.owner_user)},
            visibility=visibility,
        )
    ]


def welcome_step_events(step) -> list[TimelineEvent]:
    if step.done_on is None:
        return []
    return [
        make_event(
            step,
            step.pathway,
            kind=EventKind.WELCOME_STEP,
            at=_at(step.done_on, step.updated_at),
            data={"doer": step.doer, "by": _staff(step.done_by)},
            visibility=Visibility.WHOLE_TEAM,
        )
    ]


def sources() -> list[tuple[type, Callable[[object], list[TimelineEvent]], Iterable[str]]]:
    """(model, builder, select_related paths for building in bulk) of every declared timeline source: the
    `timeline` of the personal-data registry (decision 0010), this app's builders above included."""
    return [
        (declaration.model_class, declaration.timeline.build, declaration.timeline.related)
        for declaration in personal_data.with_timeline()
    ]
