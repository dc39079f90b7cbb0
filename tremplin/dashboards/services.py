"""Figures shown on the dashboards, computed in a fixed number of queries.

Each function returns plain data (dataclasses, lists), so templates only
display and tests can check the numbers without rendering anything. Every
warning is a sentence: the dashboards never rely on colour alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Home, roles_with_home
from tremplin.contracts.models import RUNNING_STATUSES, Contract
from tremplin.contracts.services import ratio_warning, supervision_limit, worksites_with_load
from tremplin.core.links import SLOT, url_maker
from tremplin.core.visibility import visibilities_for
from tremplin.exits.services import ExitIndicators, exit_indicators
from tremplin.observations.models import AttendanceRecord, Observation
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway, Status
from tremplin.programmes.rules.italy_coop_b import (
    DISADVANTAGED_SHARE_MIN,
    disability_quota,
    disadvantaged_share_is_met,
    disadvantaged_workers_needed,
)
from tremplin.structures.models import Country, Structure

from . import alerts

# Contracts that are still running: the person works under them today.
RUNNING_CONTRACT_STATUSES = RUNNING_STATUSES
# Roles whose home page is their own caseload as référent·e.
CASELOAD_ROLES = roles_with_home(Home.CASELOAD)


def caseload_limit() -> int:
    return settings.TREMPLIN_CASELOAD_LIMIT


def contract_ending_days() -> int:
    return settings.TREMPLIN_CONTRACT_ENDING_DAYS


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def with_current_contract(pathways: QuerySet[Pathway]) -> QuerySet[Pathway]:
    """Adds the running contract's end date and position to each pathway, in the same query.

    A renewed contract is no longer running, so the chain's current link is the one shown.
    """
    running = Contract.objects.filter(pathway=OuterRef("pk"), status__in=RUNNING_CONTRACT_STATUSES).order_by(
        "-start_date"
    )
    return pathways.annotate(
        current_contract_end=Subquery(running.values("planned_end_date")[:1]),
        current_position=Subquery(running.values("position")[:1]),
        current_host=Subquery(running.values("host_organisation")[:1]),
    )


def status_counts(pathways: QuerySet[Pathway], statuses: tuple[str, ...] | None = None) -> list[StatusCount]:
    """People per pathway status, in the order of the pathway; zero rows are kept so the table is stable."""
    rows = pathways.order_by().values("status").annotate(n=Count("person", distinct=True))
    counts = {row["status"]: row["n"] for row in rows}
    wanted = statuses or tuple(Status.values)
    return [StatusCount(s, str(Status(s).label), counts.get(s, 0)) for s in wanted]


def status_counts_of(pathways: list[Pathway], statuses: tuple[str, ...]) -> list[StatusCount]:
    """Like status_counts, over pathways already read: people (not pathways) per status."""
    people: dict[str, set[int]] = {status: set() for status in statuses}
    for pathway in pathways:
        if pathway.status in people:
            people[pathway.status].add(pathway.person_id)
    return [StatusCount(s, str(Status(s).label), len(people[s])) for s in statuses]


def caseload_pathways(user, structure: Structure) -> QuerySet[Pathway]:
    """Active pathways the user follows as référent·e in one structure."""
    pathways = Pathway.objects.filter(structure=structure, referent=user, status__in=ACTIVE_STATUSES)
    # The running contract's end is read with the other alert figures (alerts.read_figures).
    return pathways.select_related("person", "programme").order_by("person__last_name", "person__first_name", "pk")


def caseload_warning(active: int, limit: int | None = None) -> str:
    limit = caseload_limit() if limit is None else limit
    if active <= limit:
        return ""
    return _(
        "Attention : %(n)s personnes suivies, au-delà des %(limit)s recommandées pour un accompagnement de qualité."
    ) % {"n": active, "limit": limit}


def team_pathways(user, structure: Structure) -> QuerySet[Pathway]:
    """The technical supervisor's current team in one structure, with worksite, position and contract end.

    A finished pathway (closed, withdrawn) where they were named is no longer their team.
    """
    pathways = Pathway.objects.for_team_of(user).filter(structure=structure, status__in=ACTIVE_STATUSES)
    return with_current_contract(pathways.select_related("person", "worksite")).order_by(
        "person__last_name", "person__first_name", "pk"
    )


def people_in_contract(structure: Structure) -> QuerySet[Pathway]:
    pathways = Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
    return with_current_contract(pathways.select_related("person", "worksite", "referent")).order_by(
        "current_contract_end", "person__last_name", "person__first_name", "pk"
    )


@dataclass(frozen=True)
class EndingContract:
    contract: Contract
    days_left: int

    @property
    def person(self):
        return self.contract.pathway.person


def contracts_ending(structure: Structure, today: datetime.date, days: int | None = None) -> list[EndingContract]:
    """Running contracts whose planned end falls within `days` days (a renewed link is not running)."""
    days = contract_ending_days() if days is None else days
    contracts = (
        Contract.objects.filter(
            pathway__structure=structure,
            status__in=RUNNING_CONTRACT_STATUSES,
            planned_end_date__gte=today,
            planned_end_date__lte=today + datetime.timedelta(days=days),
        )
        .select_related("pathway__person", "worksite")
        .order_by("planned_end_date", "pk")
    )
    return [EndingContract(c, (c.planned_end_date - today).days) for c in contracts]


@dataclass
class WorksiteLoad:
    worksite: object
    workers: int
    supervisor_count: int
    supervisors: list = field(default_factory=list)
    warning: str = ""


def worksite_loads(structure: Structure, limit: int | None) -> list[WorksiteLoad]:
    """Each active worksite with its people in contract, supervisors and the ratio warning."""
    worksites = worksites_with_load(structure).filter(is_active=True).prefetch_related("supervisors").order_by("name")
    loads = []
    for worksite in worksites:
        warning = ratio_warning(worksite.workers, worksite.supervisor_count, limit)
        loads.append(
            WorksiteLoad(
                worksite=worksite,
                workers=worksite.workers,
                supervisor_count=worksite.supervisor_count,
                supervisors=list(worksite.supervisors.all()),
                warning=warning,
            )
        )
    return loads


@dataclass(frozen=True)
class ReferentCaseload:
    name: str
    role: str
    active: int
    warning: str = ""
    user_id: int | None = None


def caseloads_by_referent(structure: Structure, limit: int | None = None) -> tuple[list[ReferentCaseload], int]:
    """Active pathways per référent·e (counsellors and case managers listed even at zero),
    and the number of active pathways that have no référent·e yet."""
    limit = caseload_limit() if limit is None else limit
    rows = (
        Pathway.objects.filter(structure=structure, status__in=ACTIVE_STATUSES)
        .order_by()
        .values("referent")
        .annotate(n=Count("pk"))
    )
    counts = {row["referent"]: row["n"] for row in rows}
    without_referent = counts.pop(None, 0)
    memberships = (
        Membership.objects.active()
        .filter(structure=structure)
        .filter(Q(role__in=CASELOAD_ROLES) | Q(user_id__in=list(counts)))
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    result = []
    seen = set()
    for membership in memberships:
        seen.add(membership.user_id)
        active = counts.get(membership.user_id, 0)
        result.append(
            ReferentCaseload(
                name=str(membership.user),
                role=membership.get_role_display(),
                active=active,
                warning=caseload_warning(active, limit),
                user_id=membership.user_id,
            )
        )
    # Référent·es who left the structure still hold pathways: they must show, they need reassigning.
    former = sum(n for user_id, n in counts.items() if user_id not in seen)
    if former:
        result.append(
            ReferentCaseload(
                name=_("Ancien·nes membres de l'équipe"),
                role=_("à réattribuer"),
                active=former,
                warning=_(
                    "Ces parcours sont suivis par des personnes qui ne sont plus membres actifs de la structure."
                ),
            )
        )
    return result, without_referent


@dataclass(frozen=True)
class ItalianRatios:
    """Law 381/1991 share of disadvantaged workers and law 68/1999 disability quota."""

    total_workers: int | None
    disadvantaged: int
    share_percent: Decimal | None
    share_met: bool | None
    needed: int | None
    disability_quota: int | None
    disabled_in_contract: int
    minimum_percent: int = int(DISADVANTAGED_SHARE_MIN * 100)

    @property
    def share_warning(self) -> str:
        if self.total_workers is None:
            return _("Effectif total non renseigné : la part de personnes défavorisées ne peut pas être calculée.")
        if self.share_met:
            return ""
        return _(
            "Part insuffisante : %(n)s personnes défavorisées sur %(total)s travailleur·ses, il en faut au moins "
            "%(needed)s (%(min)s %%)."
        ) % {"n": self.disadvantaged, "total": self.total_workers, "needed": self.needed, "min": self.minimum_percent}


def italian_ratios(structure: Structure) -> ItalianRatios | None:
    """Only Italian co-operatives have these legal ratios; None elsewhere."""
    if structure.country != Country.ITALY:
        return None
    counts = Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).aggregate(
        people=Count("person", distinct=True),
        disabled=Count("person", distinct=True, filter=Q(person__recognised_disability=True)),
    )
    disadvantaged = counts["people"]
    total = structure.total_workers
    if not total:
        return ItalianRatios(
            total_workers=None,
            disadvantaged=disadvantaged,
            share_percent=None,
            share_met=None,
            needed=None,
            disability_quota=None,
            disabled_in_contract=counts["disabled"],
        )
    share = (Decimal(disadvantaged) * 100 / total).quantize(Decimal("0.1"))
    return ItalianRatios(
        total_workers=total,
        disadvantaged=disadvantaged,
        share_percent=share,
        share_met=disadvantaged_share_is_met(disadvantaged, total),
        needed=disadvantaged_workers_needed(total),
        disability_quota=disability_quota(total),
        disabled_in_contract=counts["disabled"],
    )


@dataclass
class StructureOverview:
    structure: Structure
    today: datetime.date
    status_counts: list[StatusCount]
    ending: list[EndingContract]
    ending_days: int
    worksites: list[WorksiteLoad]
    supervision_limit: int | None
    referents: list[ReferentCaseload]
    without_referent: int
    caseload_limit: int
    italy: ItalianRatios | None
    # Exits since 1 January (tremplin/exits): two queries.
    exit_indicators: ExitIndicators | None = None

    def caseload_of(self, user) -> int:
        """Active pathways `user` follows as référent·e, read from the figures already counted."""
        return next((row.active for row in self.referents if row.user_id == user.pk), 0)

    @property
    def total_people(self) -> int:
        return sum(row.count for row in self.status_counts)


def structure_overview(structure: Structure, today: datetime.date | None = None) -> StructureOverview:
    """Everything the structure dashboard shows, in a fixed number of queries."""
    today = today or timezone.localdate()
    limit = supervision_limit(structure)
    referents, without_referent = caseloads_by_referent(structure)
    return StructureOverview(
        structure=structure,
        today=today,
        status_counts=status_counts(Pathway.objects.filter(structure=structure)),
        ending=contracts_ending(structure, today),
        ending_days=contract_ending_days(),
        worksites=worksite_loads(structure, limit),
        supervision_limit=limit,
        referents=referents,
        without_referent=without_referent,
        caseload_limit=caseload_limit(),
        italy=italian_ratios(structure),
        exit_indicators=exit_indicators(structure, start=today.replace(month=1, day=1), end=today),
    )


# What the caseload table and the alerts read (see alerts.pathway_alerts): the rest of the pathway and its
# person is left in the database, a few dozen full rows of four models cost more than the figures' query.
CASELOAD_FIELDS = (
    "id",
    "person_id",
    "status",
    "status_changed_at",
    "person__public_id",
    "person__first_name",
    "person__last_name",
    "programme__name",
    "action_plan__follow_up_frequency",
)


@dataclass
class CaseloadHome:
    """The counsellor's home: their people (annotated for the table) and the alerts on them."""

    pathways: list[Pathway]
    alerts: list


def caseload_home(user, membership, today: datetime.date | None = None) -> CaseloadHome:
    """The whole caseload in a fixed number of queries (see alerts.load_alert_figures); the page is cut in Python.

    A caseload is a few dozen people, and the alerts must cover all of them, not only the page shown.
    """
    today = today or timezone.localdate()
    visibilities = visibilities_for(membership)
    pathways = alerts.with_alert_figures(
        caseload_pathways(user, membership.structure).only(*CASELOAD_FIELDS), visibilities, today
    )
    set_person_urls(pathways)
    return CaseloadHome(pathways=pathways, alerts=alerts.alerts_for(pathways, today))


def set_person_urls(pathways: list[Pathway]) -> None:
    """Sets `person_url` on each pathway (the caseload links each person from its table and every alert)."""
    person_url = url_maker("people:detail", SLOT)
    for pathway in pathways:
        pathway.person_url = person_url(pathway.person.public_id)


# Observations shown on the supervisor's home: today and the six days before.
RECENT_OBSERVATION_DAYS = 7
RECENT_OBSERVATIONS_SHOWN = 50


@dataclass
class TeamHome:
    """The technical supervisor's home: the team today, recent observations, who has no attendance today."""

    pathways: list[Pathway]
    recent_observations: list
    without_attendance: list[Pathway]
    today: datetime.date


def team_home(user, membership, today: datetime.date | None = None) -> TeamHome:
    """Two queries whatever the team size: the annotated team, and the recent observations.

    Observations are those of the team at a level the supervisor may read (never social_staff_only).
    """
    today = today or timezone.localdate()
    team = team_pathways(user, membership.structure).annotate(
        attendance_today=Subquery(
            AttendanceRecord.objects.filter(pathway=OuterRef("pk"), day=today).values("status")[:1]
        )
    )
    pathways = list(team)
    since = today - datetime.timedelta(days=RECENT_OBSERVATION_DAYS - 1)
    observations = list(
        Observation.objects.filter(
            pathway_id__in=[p.pk for p in pathways],
            pathway__structure_id=membership.structure_id,
            observed_on__gte=since,
            observed_on__lte=today,
        )
        .visible_to(membership)
        .select_related("pathway__person", "author")
        .order_by("-observed_on", "-created_at")[:RECENT_OBSERVATIONS_SHOWN]
    )
    return TeamHome(
        pathways=pathways,
        recent_observations=observations,
        # Only people at work have an attendance to record (a contract still to start is not).
        without_attendance=[p for p in pathways if p.attendance_today is None and p.status == Status.IN_CONTRACT],
        today=today,
    )


# The data protection officer's home ------------------------------------------------------------------------

# GDPR article 12(3): a person's request is answered within one month of its receipt.
RIGHTS_ANSWER_MONTHS = 1
RETENTION_ROWS_SHOWN = 10


@dataclass(frozen=True)
class PendingRequest:
    request: object  # rights.ErasureRequest
    answer_due_on: datetime.date
    overdue: bool


@dataclass
class PersonalDataHome:
    """What the person in charge of personal data works on first: requests to answer, data past its limit."""

    today: datetime.date
    pending_requests: list[PendingRequest]
    retention_due: list  # retention.services.PlannedAction, due today
    retention_overdue: list  # due before today: the nightly purge should have applied them
    active_holds: int

    @property
    def retention_actions(self) -> list:
        """Past their limit first, then due today."""
        return self.retention_overdue + self.retention_due

    @property
    def overdue_requests(self) -> int:
        return sum(1 for pending in self.pending_requests if pending.overdue)


def personal_data_home(structure: Structure, today: datetime.date | None = None) -> PersonalDataHome:
    """Pending rights requests with their answer date, the purge's plan for today split between what falls due
    today and what is already past its limit, and the legal holds in force; a fixed number of queries."""
    from tremplin.core.dates import add_months
    from tremplin.retention.models import LegalHold
    from tremplin.retention.services import plan_purge
    from tremplin.rights.models import ErasureRequest, ErasureStatus

    today = today or timezone.localdate()
    requests = (
        ErasureRequest.objects.filter(structure=structure, status=ErasureStatus.PENDING)
        .select_related("person")
        .order_by("received_on", "created_at")
    )
    pending = []
    for erasure in requests:
        due = add_months(erasure.received_on, RIGHTS_ANSWER_MONTHS)
        pending.append(PendingRequest(erasure, due, due < today))
    actions = plan_purge(today, structure=structure)
    return PersonalDataHome(
        today=today,
        pending_requests=pending,
        retention_due=[action for action in actions if action.due_since >= today],
        retention_overdue=[action for action in actions if action.due_since < today],
        active_holds=LegalHold.objects.active().filter(person__structure=structure).count(),
    )
