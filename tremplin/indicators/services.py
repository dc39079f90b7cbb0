"""Loads the rows the indicators read, in a fixed number of queries, and computes every figure.

`compute(structure, period, programme)` is the one entry point: the page, the people behind a figure and
the tests all go through it, so a figure and its list of people cannot disagree.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Min, Q, When
from django.db.models.functions import Concat
from django.utils import timezone

from tremplin.barriers.models import Barrier, BarrierDomain, BarrierStatus
from tremplin.contracts.models import Contract, ContractStatus, Suspension
from tremplin.eligibility.models import CriterionProof
from tremplin.exits.models import FOLLOW_UP_MONTHS, Exit, FollowUp, Outcome
from tremplin.partners.models import PartnerKind
from tremplin.programmes.models import Programme

from . import figures as f
from .figures import Figure, Period


@dataclass
class Indicators:
    """Every figure of one structure, period and programme (None: all), computed at `computed_at`."""

    structure: object
    period: Period
    programme: Programme | None
    computed_at: datetime.datetime
    figures: dict[str, Figure] = field(default_factory=dict)
    # Category and criterion codes met in the data, with their labels.
    category_labels: dict[str, str] = field(default_factory=dict)
    criterion_labels: dict[str, str] = field(default_factory=dict)
    # Per month of the period: (first day, entries, exits) and counted exits per group.
    months: list[tuple[datetime.date, int, int]] = field(default_factory=list)
    exit_groups_per_month: list[tuple[datetime.date, dict[str, int]]] = field(default_factory=list)

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    def get(self, key: str) -> Figure | None:
        return self.figures.get(key)


def default_period(today: datetime.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))


def effective_period(period: Period, today: datetime.date) -> Period:
    """The figures stop at today: a period running into the future is read up to today."""
    if period.end <= today or period.start > today:
        return period
    return Period(period.start, today)


def _scoped(queryset, structure, programme, prefix: str = "pathway__"):
    queryset = queryset.filter(**{f"{prefix}structure": structure})
    if programme is not None:
        queryset = queryset.filter(**{f"{prefix}programme": programme})
    return queryset


def load_contracts(structure, programme, period: Period) -> tuple[list[f.ContractRow], list[f.PersonRow]]:
    """Contracts running on at least one day of the period (2 queries), and the people under them."""
    contracts = (
        _scoped(Contract.objects.exclude(status=ContractStatus.CANCELLED), structure, programme)
        .filter(start_date__lte=period.end)
        .filter(
            Q(ended_on__isnull=False, ended_on__gte=period.start)
            | Q(ended_on__isnull=True, planned_end_date__gte=period.start)
        )
        .order_by()
    )
    rows = list(
        contracts.values_list(
            "id",
            "pathway_id",
            "pathway__person_id",
            "start_date",
            "ended_on",
            "planned_end_date",
            "weekly_hours",
            "pathway__programme__kind",
            "pathway__person__birth_date",
            "pathway__person__recognised_disability",
            "pathway__person__retention_record__age_band",
        )
    )
    suspensions: dict[int, list[tuple[datetime.date, datetime.date]]] = {}
    if rows:
        for contract_id, start, end in (
            Suspension.objects.filter(contract__in=contracts.values("id"))
            .order_by()
            .values_list("contract_id", "start_date", "end_date")
        ):
            suspensions.setdefault(contract_id, []).append((start, end))
    result, people = [], {}
    for cid, pathway_id, person_id, start, ended_on, planned_end, hours, kind, birth, disabled, band in rows:
        result.append(
            f.ContractRow(
                pathway_id=pathway_id,
                person_id=person_id,
                start=start,
                end=ended_on or planned_end,
                weekly_hours=hours,
                full_time_hours=f.FULL_TIME_HOURS.get(kind, f.DEFAULT_FULL_TIME_HOURS),
                suspensions=tuple(suspensions.get(cid, ())),
                kind=kind,
            )
        )
        people[pathway_id] = f.PersonRow(pathway_id, person_id, birth, disabled, kept_band=band or "")
    return result, list(people.values())


def load_first_starts(structure, programme, period: Period) -> list[f.ContractRow]:
    """One row per pathway whose first contract (not cancelled) began in the period; one query."""
    rows = (
        _scoped(Contract.objects.exclude(status=ContractStatus.CANCELLED), structure, programme)
        .order_by()
        .values("pathway_id", "pathway__person_id")
        .annotate(first=Min("start_date"))
        .filter(first__gte=period.start, first__lte=period.end)
    )
    return [
        f.ContractRow(r["pathway_id"], r["pathway__person_id"], r["first"], r["first"], weekly_hours=0) for r in rows
    ]


def load_exits(structure, programme, period: Period) -> list[f.ExitRow]:
    rows = (
        _scoped(Exit.objects.all(), structure, programme)
        .filter(exit_on__gte=period.start, exit_on__lte=period.end)
        .order_by()
        .values_list(
            "pathway_id",
            "pathway__person_id",
            "exit_on",
            "entry_on",
            "group",
            "category",
            "is_counted",
            "not_counted_because",
            "pathway__programme__kind",
        )
    )
    return [f.ExitRow(*row) for row in rows]


def load_follow_ups(structure, programme, period: Period) -> list[f.FollowUpRow]:
    rows = (
        _scoped(FollowUp.objects.all(), structure, programme, prefix="exit__pathway__")
        .filter(exit__exit_on__gte=period.start, exit__exit_on__lte=period.end)
        .order_by()
        .values_list("exit__pathway_id", "exit__pathway__person_id", "months", "outcome")
    )
    return [f.FollowUpRow(*row) for row in rows]


def load_barriers(structure, programme, period: Period) -> list[f.BarrierRow]:
    """Barriers of the pathways that exited in the period; "lifted on" is the day a lifted one was marked so."""
    rows = (
        _scoped(Barrier.objects.all(), structure, programme)
        .filter(pathway__exit_record__exit_on__gte=period.start, pathway__exit_record__exit_on__lte=period.end)
        .order_by()
        .values_list("pathway_id", "pathway__person_id", "domain", "identified_on", "status", "status_changed_on")
    )
    return [
        f.BarrierRow(pathway_id, person_id, domain, identified, changed if status == BarrierStatus.LIFTED else None)
        for pathway_id, person_id, domain, identified, status, changed in rows
    ]


def _activity_rows(queryset, *fields: str) -> list[f.ActivityRow]:
    return [
        f.ActivityRow(item, pathway, person, day.date() if isinstance(day, datetime.datetime) else day, str(group))
        for item, pathway, person, day, group in queryset.order_by().values_list(*fields)
    ]


def load_activities(structure, programme, period: Period) -> dict[str, list[f.ActivityRow]]:
    """Immersions, trainings, certifications, badges, workshop invitations and orientations of the period (six
    queries). Trainings and certifications belong to the person: one row per pathway of theirs in the scope."""
    from django.db.models import Value

    from tremplin.badges.models import Award
    from tremplin.immersions.models import Immersion
    from tremplin.orientations.models import Orientation
    from tremplin.portfolio.models import Certification, Training
    from tremplin.workshops.models import Participant

    start, end = period.start, period.end
    person_scope = {"person__pathways__structure": structure}
    if programme is not None:
        person_scope["person__pathways__programme"] = programme
    tz_start = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    tz_end = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min))
    person_fields = ("id", "person__pathways__id", "person_id")
    return {
        "immersions": _activity_rows(
            _scoped(Immersion.objects.all(), structure, programme).filter(starts_on__gte=start, starts_on__lte=end),
            "id",
            "pathway_id",
            "pathway__person_id",
            "starts_on",
            Value(""),
        ),
        "trainings": _activity_rows(
            Training.objects.filter(ended_on__gte=start, ended_on__lte=end, **person_scope).annotate(
                grade=Case(When(obtained=True, then=Value("obtained")), default=Value(""))
            ),
            *person_fields,
            "ended_on",
            "grade",
        ),
        "certifications": _activity_rows(
            Certification.objects.filter(obtained_on__gte=start, obtained_on__lte=end, **person_scope),
            *person_fields,
            "obtained_on",
            Value(""),
        ),
        "badges": _activity_rows(
            _scoped(Award.objects.all(), structure, programme).filter(
                awarded_at__gte=tz_start, awarded_at__lt=tz_end, revoked_at__isnull=True
            ),
            "id",
            "pathway_id",
            "pathway__person_id",
            "awarded_at",
            Value(""),
        ),
        "workshops": _activity_rows(
            _scoped(Participant.objects.all(), structure, programme).filter(
                workshop__structure=structure, workshop__date__gte=start, workshop__date__lte=end
            ),
            "id",
            "pathway_id",
            "pathway__person_id",
            "workshop__date",
            "attendance",
        ),
        "orientations": _activity_rows(
            _scoped(Orientation.objects.all(), structure, programme)
            .filter(created_at__gte=tz_start, created_at__lt=tz_end)
            .annotate(kind_status=Concat("organisation__kind", Value("|"), "status")),
            "id",
            "pathway_id",
            "pathway__person_id",
            "created_at",
            "kind_status",
        ),
    }


def workshops_held(structure, programme, period: Period) -> int:
    """Workshops of the structure dated in the period (with a participant of the programme when one is chosen)."""
    from tremplin.workshops.models import Workshop

    workshops = Workshop.objects.filter(structure=structure, date__gte=period.start, date__lte=period.end)
    if programme is not None:
        workshops = workshops.filter(participants__pathway__programme=programme)
    return workshops.values("pk").distinct().count()


def load_criteria(people: list[f.PersonRow], structure, programme, period: Period) -> tuple[list, dict[str, str]]:
    """Criteria of the eligible diagnoses of the pathways supported (one query), and their labels."""
    if not people:
        return people, {}
    pathway_ids = {p.pathway_id for p in people}
    per_pathway: dict[int, set[str]] = {}
    labels: dict[str, str] = {}
    proofs = (
        _scoped(CriterionProof.objects.all(), structure, programme, prefix="diagnosis__pathway__")
        .filter(diagnosis__is_eligible=True, diagnosis__made_on__lte=period.end)
        .order_by()
        .values_list("diagnosis__pathway_id", "criterion_code", "criterion_label")
    )
    for pathway_id, code, label in proofs:
        if pathway_id in pathway_ids:
            per_pathway.setdefault(pathway_id, set()).add(code)
            labels.setdefault(code, label)
    return [dataclasses.replace(p, criteria=frozenset(per_pathway.get(p.pathway_id, ()))) for p in people], labels


def _category_labels(structure, programme, codes: set[str]) -> dict[str, str]:
    programmes = [programme] if programme is not None else list(Programme.objects.filter(structure=structure))
    labels = {}
    for code in codes:
        for candidate in programmes:
            category = candidate.rules.exit_category(code)
            if category is not None:
                labels[code] = str(category.label)
                break
        else:
            labels[code] = code
    return labels


def compute(structure, period: Period, programme: Programme | None = None, *, today: datetime.date | None = None):
    """Every figure of the structure for the period (up to today); a fixed number of queries."""
    today = today or timezone.localdate()
    read = effective_period(period, today)
    contracts, people = load_contracts(structure, programme, read)
    first_starts = load_first_starts(structure, programme, read)
    exits = load_exits(structure, programme, read)
    follow_ups = load_follow_ups(structure, programme, read)
    barriers = load_barriers(structure, programme, read)
    people, criterion_labels = load_criteria(people, structure, programme, read)

    result = Indicators(structure, period, programme, timezone.now(), criterion_labels=criterion_labels)
    figures = result.figures
    for figure in (
        f.supported(contracts, read),
        f.hired(first_starts, read),
        f.present_at_end(contracts, read),
        f.hours_worked(contracts, read),
        f.full_time_equivalents(contracts, read),
        f.disability(people),
    ):
        figures[figure.key] = figure
    figures.update(f.pathway_lengths(exits, read))
    figures.update(f.exit_figures(exits, read))
    by_category = f.exits_by_category(exits, read)
    figures.update(by_category)
    result.category_labels = _category_labels(structure, programme, {k.split(":", 1)[1] for k in by_category})
    figures.update(f.follow_up_figures(follow_ups, [o.value for o in Outcome], FOLLOW_UP_MONTHS))
    figures.update(f.age_bands(people, read))
    figures.update(f.criteria(people))
    figures.update(f.barrier_figures(barriers, exits, read))
    activity_rows = load_activities(structure, programme, read)
    for kind in ("immersions", "trainings", "certifications", "badges"):
        figures.update(f.activities(kind, activity_rows[kind], read))
    figures.update(f.workshop_figures(activity_rows["workshops"], read, workshops_held(structure, programme, read)))
    figures.update(f.orientation_figures(activity_rows["orientations"], read))
    kinds = {c.kind for c in contracts} | {e.kind for e in exits}
    if programme is not None:
        kinds.add(programme.kind)
    if "it_coop_b" in kinds:
        figures.update(f.italian_share(contracts, read, structure.total_workers))
    if "be_art60" in kinds:
        figures.update(f.belgian_unemployment_rights(exits, read))

    entries = dict(f.per_month((c.start for c in first_starts), read))
    leavings = dict(f.per_month((e.exit_on for e in exits), read))
    result.months = [(month, entries[month], leavings[month]) for month in sorted(entries)]
    per_group: dict[datetime.date, dict[str, int]] = {m: dict.fromkeys(f.COUNTED_GROUPS, 0) for m in entries}
    for e in exits:
        if e.is_counted and e.group in f.COUNTED_GROUPS:
            per_group[e.exit_on.replace(day=1)][e.group] += 1
    result.exit_groups_per_month = sorted(per_group.items())
    return result


BARRIER_DOMAIN_LABELS = dict(BarrierDomain.choices)
PARTNER_KIND_LABELS = dict(PartnerKind.choices)


# --- Activity reports -----------------------------------------------------------------------------------

COMMENT_MAX_LENGTH = 4000


def snapshot(result: Indicators) -> dict[str, list[str | None]]:
    """The figures as stored in a report: [value, percent] as text, so a Decimal comes back exact."""
    return {
        key: [None if fig.value is None else str(fig.value), None if fig.percent is None else str(fig.percent)]
        for key, fig in sorted(result.figures.items())
    }


def create_report(structure, period: Period, programme=None, *, by, today: datetime.date | None = None):
    """Computes the figures of the period as of today and keeps them with the period and the day."""
    from .models import Report

    today = today or timezone.localdate()
    result = compute(structure, period, programme, today=today)
    return Report.objects.create(
        structure=structure,
        programme=programme,
        start=period.start,
        end=period.end,
        computed_on=today,
        figures=snapshot(result),
        created_by=by,
    )


def report_indicators(report) -> Indicators:
    """The report's figures recomputed as of its computation day (the same numbers while the records stand)."""
    return compute(report.structure, Period(report.start, report.end), report.programme, today=report.computed_on)


def save_comments(report, comments: dict[str, str], *, sections: list[str]) -> None:
    """Replaces the structure's comments; only known sections, each at most COMMENT_MAX_LENGTH characters."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    errors = {}
    cleaned = {}
    for key, text in comments.items():
        if key not in sections:
            errors[f"comment_{key}"] = _("Section inconnue.")
        elif len(text) > COMMENT_MAX_LENGTH:
            errors[f"comment_{key}"] = _("Le commentaire ne peut pas dépasser %(max)s caractères.") % {
                "max": COMMENT_MAX_LENGTH
            }
        elif text.strip():
            cleaned[key] = text.strip()
    if errors:
        raise ValidationError(errors)
    report.comments = cleaned
    report.save(update_fields=["comments", "updated_at"])
