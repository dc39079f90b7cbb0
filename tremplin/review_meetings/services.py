"""Rules of team review meetings: planning, choosing who is reviewed, recording decisions, the agenda."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import User
from tremplin.accounts.roles import Capability, Responsibility
from tremplin.action_plan.models import OPEN_ACTION_STATUSES, Action, ObjectiveStatus, PlanReview
from tremplin.action_plan.models import Objective as PlanObjective
from tremplin.barriers.models import Barrier, BarrierStatus
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.core.derived_visibility import refresh_pathway
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.interviews.models import Interview
from tremplin.observations.models import Observation
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway, Status
from tremplin.professional_project.models import TargetJob

from .models import MeetingKind, ReviewDecision, ReviewItem, ReviewMeeting, ReviewReason

CURRENT_CONTRACT_STATUSES = (ContractStatus.PLANNED, ContractStatus.ACTIVE, ContractStatus.SUSPENDED)
# How far back the agenda looks for observations flagged to the social staff.
FLAGGED_OBSERVATION_DAYS = 90
MAX_MONTHS = 24


def staff_of(structure) -> QuerySet[User]:
    """Staff who follow people (roles.Responsibility.SUPPORT): meeting participants, action owners, workshop
    facilitators; not the DPO, the administration or partners."""
    return User.objects.holding(Responsibility.SUPPORT, structure)


def _check_meeting(*, structure, kind: str, date: datetime.date | None, participants: Iterable) -> None:
    errors: dict[str, list] = {}
    if kind not in MeetingKind.values:
        errors["kind"] = [_("Type de réunion : choisissez un des types proposés.")]
    if date is None:
        errors["date"] = [_("Date : indiquez la date de la réunion.")]
    staff = set(staff_of(structure).values_list("pk", flat=True))
    if any(user.pk not in staff for user in participants):
        errors["participants"] = [_("Participant·es : choisissez des membres actifs de votre structure.")]
    if errors:
        raise ValidationError(errors)


def plan_meeting(
    *,
    structure,
    kind: str,
    date: datetime.date,
    by,
    start_time: datetime.time | None = None,
    place: str = "",
    participants: Iterable = (),
    external_participants: str = "",
) -> ReviewMeeting:
    """Plans a meeting; its author always takes part."""
    participants = list(participants)
    _check_meeting(structure=structure, kind=kind, date=date, participants=participants)
    with transaction.atomic():
        meeting = ReviewMeeting.objects.create(
            structure=structure,
            kind=kind,
            date=date,
            start_time=start_time,
            place=(place or "").strip(),
            external_participants=(external_participants or "").strip(),
            created_by=by,
        )
        meeting.participants.set({*participants, by})
    return meeting


def update_meeting(meeting: ReviewMeeting, *, participants: Iterable, **fields) -> ReviewMeeting:
    participants = list(participants)
    _check_meeting(
        structure=meeting.structure,
        kind=fields.get("kind", meeting.kind),
        date=fields.get("date"),
        participants=participants,
    )
    has_decisions = ReviewDecision.objects.filter(item__meeting=meeting).exists()
    if has_decisions and fields.get("date") and fields["date"] > timezone.localdate():
        raise ValidationError(
            {"date": [_("Date : des décisions sont déjà enregistrées, la réunion ne peut pas être reportée.")]}
        )
    with transaction.atomic():
        for name, value in fields.items():
            setattr(meeting, name, value.strip() if isinstance(value, str) else value)
        meeting.save()
        meeting.participants.set(participants)
    return meeting


def _months_ago(today: datetime.date, months: int) -> datetime.date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    # The last day of a shorter month when the day does not exist in it (31 → 30 or 28).
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _months_ahead(today: datetime.date, months: int) -> datetime.date:
    return _months_ago(today, -months)


def check_months(months) -> int:
    """The number of months of a helper: a whole number between 1 and 24."""
    try:
        value = int(months)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= MAX_MONTHS:
        raise ValidationError(
            {"months": [_("Nombre de mois : indiquez un nombre entier entre 1 et %(max)s.") % {"max": MAX_MONTHS}]}
        )
    return value


def contracts_ending_within(structure, months: int, *, today: datetime.date | None = None) -> QuerySet[Pathway]:
    """People in contract whose current contract's planned end falls within `months` months."""
    today = today or timezone.localdate()
    horizon = _months_ahead(today, check_months(months))
    ending = Contract.objects.filter(
        pathway=OuterRef("pk"),
        status__in=CURRENT_CONTRACT_STATUSES,
        planned_end_date__gte=today,
        planned_end_date__lte=horizon,
    )
    return Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).filter(
        pk__in=ending.values("pathway")
    )


def plans_not_reviewed_for(structure, months: int, *, today: datetime.date | None = None) -> QuerySet[Pathway]:
    """People in contract whose plan was last reviewed more than `months` months ago, or never reviewed
    although their pathway started before then."""
    today = today or timezone.localdate()
    cutoff = _months_ago(today, check_months(months))
    last_review = (
        PlanReview.objects.filter(plan__pathway=OuterRef("pk"))
        .order_by()
        .values("plan__pathway")
        .annotate(last=Max("reviewed_on"))
        .values("last")
    )
    pathways = Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).annotate(
        last_review=Subquery(last_review)
    )
    return pathways.filter(Q(last_review__lt=cutoff) | Q(last_review__isnull=True, created_at__date__lt=cutoff))


def reviewable_pathways(structure) -> QuerySet[Pathway]:
    """Everyone the team may put on an agenda by hand: the pathways still followed."""
    return Pathway.objects.filter(structure=structure, status__in=ACTIVE_STATUSES)


def add_to_agenda(
    meeting: ReviewMeeting, pathways: Iterable[Pathway], *, reason: str, by, invited: bool = False
) -> list[ReviewItem]:
    """Puts people on the agenda (invited to the meeting or not); those already on it are left as they are."""
    pathways = list(pathways)
    if reason not in ReviewReason.values:
        raise ValidationError({"reason": [_("Motif : choisissez un des motifs proposés.")]})
    if not pathways:
        raise ValidationError({"pathways": [_("Personnes : cochez au moins une personne à examiner.")]})
    if any(p.structure_id != meeting.structure_id for p in pathways):
        raise ValidationError({"pathways": [_("Personnes : une des personnes n'appartient pas à votre structure.")]})
    with transaction.atomic():
        already = set(meeting.items.values_list("pathway_id", flat=True))
        items = [
            ReviewItem(meeting=meeting, pathway=p, reason=reason, added_by=by, person_invited=invited)
            for p in pathways
            if p.pk not in already
        ]
        for item in items:
            item.save()
    return items


def remove_from_agenda(item: ReviewItem) -> None:
    """Takes a person off the agenda, unless decisions were recorded about them."""
    if item.decisions.exists():
        raise ValidationError(_("Des décisions sont enregistrées pour cette personne : elle reste à l'ordre du jour."))
    item.delete()


def record_decision(
    item: ReviewItem,
    *,
    text: str,
    by,
    visibility: str = Visibility.WHOLE_TEAM,
    action: dict | None = None,
) -> ReviewDecision:
    """Records a decision about the person of `item`, with the action it creates if any.

    `action` holds the fields of tremplin.action_plan.services.add_action (section, title,
    owner_user, due_date): the action is created by that service, in the same transaction,
    so a refused action leaves no decision behind.
    """
    from tremplin.action_plan.models import OwnerKind
    from tremplin.action_plan.services import add_action

    meeting = item.meeting
    errors: dict[str, list] = {}
    if not (text or "").strip():
        errors["text"] = [_("Décision : écrivez ce que l'équipe a décidé.")]
    if meeting.date > timezone.localdate():
        errors["__all__"] = [
            _("La réunion n'a pas encore eu lieu : les décisions se saisissent le jour de la réunion ou après.")
        ]
    if visibility not in (Visibility.WHOLE_TEAM, Visibility.SOCIAL_STAFF_ONLY):
        errors["visibility"] = [_("Visibilité : choisissez « toute l'équipe » ou « équipe sociale uniquement ».")]
    if action is not None:
        if action.get("owner_user") is None:
            errors["owner_user"] = [_("Porteur de l'action : choisissez le membre de l'équipe qui la porte.")]
        if action.get("due_date") is None:
            errors["due_date"] = [_("Échéance de l'action : indiquez une date.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        created = None
        if action is not None:
            created = add_action(
                pathway=item.pathway,
                section=action.get("section", ""),
                title=action.get("title", ""),
                owner_kind=OwnerKind.STAFF,
                owner_user=action["owner_user"],
                due_date=action["due_date"],
                kind=str(meeting.get_kind_display()),
                by=by,
            )
        decision = ReviewDecision.objects.create(
            item=item, pathway=item.pathway, text=text.strip(), visibility=visibility, action=created, decided_by=by
        )
        if created is not None and visibility == Visibility.SOCIAL_STAFF_ONLY:
            # The action written from a decision kept for the social staff is kept for them too.
            refresh_pathway(item.pathway_id)
        return decision


# --- Reading: who sees which meeting, and the agenda -------------------------------------------------------------


def may_manage(membership) -> bool:
    """Directors, case managers and counsellors plan meetings and record decisions."""
    return membership.can(Capability.EDIT_PEOPLE)


def meetings_for(membership) -> QuerySet[ReviewMeeting]:
    """Meetings the member may open: all of the structure's for the social staff, their own for the others."""
    meetings = ReviewMeeting.objects.of_structure(membership.structure_id)
    if may_manage(membership):
        return meetings
    return meetings.filter(participants=membership.user)


def readable_pathway_ids(membership, pathway_ids: Iterable[int]) -> set[int]:
    """Of these pathways, those the member may see: all, or a supervisor's team (one query)."""
    ids = set(pathway_ids)
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return ids
    if membership.can(Capability.VIEW_TEAM_PEOPLE) and ids:
        team = Pathway.objects.for_team_of(membership.user).filter(pk__in=ids)
        return set(team.values_list("pk", flat=True))
    return set()


def summary_pathways(readable: set[str], since: datetime.date) -> QuerySet[Pathway]:
    """The summary of every person on the agenda in a fixed number of queries (annotations and prefetches)."""
    today = timezone.localdate()
    contract_end = Contract.objects.filter(pathway=OuterRef("pk"), status__in=CURRENT_CONTRACT_STATUSES).order_by(
        "-start_date"
    )
    open_objectives = (
        PlanObjective.objects.filter(plan__pathway=OuterRef("pk"), status=ObjectiveStatus.IN_PROGRESS)
        .visible_to(readable)
        .order_by()
        .values("plan__pathway")
        .annotate(n=Count("pk"))
        .values("n")
    )
    overdue = (
        Action.objects.filter(
            plan__pathway=OuterRef("pk"),
            status__in=OPEN_ACTION_STATUSES,
            due_date__lt=today,
        )
        .visible_to(readable)
        .order_by()
        .values("plan__pathway")
        .annotate(n=Count("pk"))
        .values("n")
    )
    last_interview = (
        Interview.objects.filter(pathway=OuterRef("pk"), held_on__isnull=False)
        .visible_to(readable)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    last_review = (
        PlanReview.objects.filter(plan__pathway=OuterRef("pk")).order_by("-reviewed_on").values("reviewed_on")[:1]
    )
    return (
        Pathway.objects.select_related("person", "referent", "worksite")
        .annotate(
            contract_end=Subquery(contract_end.values("planned_end_date")[:1]),
            open_objectives=Coalesce(Subquery(open_objectives, output_field=IntegerField()), 0),
            overdue_actions=Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
            last_interview=Subquery(last_interview),
            last_plan_review=Subquery(last_review),
        )
        .prefetch_related(
            Prefetch("target_jobs", queryset=TargetJob.objects.order_by("created_at", "id"), to_attr="jobs"),
            Prefetch(
                "barriers",
                queryset=Barrier.objects.filter(status=BarrierStatus.BEING_WORKED_ON)
                .visible_to(readable)
                .order_by("domain", "id"),
                to_attr="worked_barriers",
            ),
            Prefetch(
                "observations",
                queryset=Observation.objects.filter(needs_social_follow_up=True, observed_on__gte=since)
                .visible_to(readable)
                .order_by("-observed_on", "-id"),
                to_attr="flagged_observations",
            ),
        )
    )


def agenda(meeting: ReviewMeeting, membership) -> dict:
    """The agenda as the member may read it: the people they may see, at the levels they may read.

    The number of queries does not depend on the number of people (tested with 3 and 30).
    """
    readable = visibilities_for(membership)
    items = list(
        meeting.items.select_related("added_by").prefetch_related(
            Prefetch(
                "decisions",
                queryset=ReviewDecision.objects.visible_to(readable).select_related("action__owner_user", "decided_by"),
            )
        )
    )
    visible_ids = readable_pathway_ids(membership, (item.pathway_id for item in items))
    since = timezone.localdate() - datetime.timedelta(days=FLAGGED_OBSERVATION_DAYS)
    pathways = {p.pk: p for p in summary_pathways(readable, since).filter(pk__in=visible_ids)} if visible_ids else {}
    shown = []
    for item in items:
        if item.pathway_id in pathways:
            item.summary = item.pathway = pathways[item.pathway_id]
            shown.append(item)
    return {"items": shown, "hidden": len(items) - len(shown), "readable": readable}
