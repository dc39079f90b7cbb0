"""The indicators as plain functions over plain rows (docs/indicators.md).

Nothing here reads the database: `services.py` loads the rows in a fixed number of queries and calls
these functions, and the property tests call them on generated rows and compare with a plain recount.
Each figure keeps the pathways behind it, so the page can link a figure to its people.
"""

import datetime
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tremplin.core.dates import age_on

ONE_DAY = datetime.timedelta(days=1)
# Working week of a full-time job, per programme kind (for full-time equivalents).
FULL_TIME_HOURS = {
    "fr_aci": Decimal("35"),
    "fr_ei": Decimal("35"),
    "fr_ai": Decimal("35"),
    "fr_etti": Decimal("35"),
    "be_art60": Decimal("38"),
    "it_coop_b": Decimal("38"),
}
DEFAULT_FULL_TIME_HOURS = Decimal("35")
# Age bands of the people supported, on the last day of the period (the bands the French State's reporting uses).
AGE_BANDS = (("under_26", 0, 25), ("26_49", 26, 49), ("50_plus", 50, 200))
# Bands of pathway length, in days from the first day of contract to the exit.
# The bands `retention.services.age_band` keeps when a person is anonymised.
KEPT_BANDS = {"<26": "under_26", "26-49": "26_49", "50+": "50_plus"}
LENGTH_BANDS = (
    ("lt_3", 0, 90),
    ("3_6", 91, 182),
    ("6_12", 183, 365),
    ("12_24", 366, 730),
    ("gt_24", 731, 100_000),
)
# Criteria a funder asks about by name: the département (RSA), the State (priority districts, rural zones).
FUNDER_CRITERIA = ("rsa", "priority_district", "rural_zone")
# Italy, law 381/1991 art. 4: disadvantaged people are at least 30 % of a type-B co-operative's workers.
ITALIAN_FLOOR_PERCENT = Decimal("30")
COUNTED_GROUPS = ("lasting", "transition", "positive", "other")
DYNAMIC_GROUPS = ("lasting", "transition", "positive")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def clip(self, start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The part of [start, end] inside the period, or None."""
        low, high = max(start, self.start), min(end, self.end)
        return (low, high) if low <= high else None

    def months(self) -> list[datetime.date]:
        """First day of each month the period touches."""
        first = self.start.replace(day=1)
        result = []
        while first <= self.end:
            result.append(first)
            first = (first + datetime.timedelta(days=32)).replace(day=1)
        return result


@dataclass(frozen=True)
class ContractRow:
    """One insertion contract (not cancelled), with the days it ran: [start, end] inclusive."""

    pathway_id: int
    person_id: int
    start: datetime.date
    end: datetime.date  # the day it was ended early, else its planned end
    weekly_hours: Decimal
    full_time_hours: Decimal = DEFAULT_FULL_TIME_HOURS
    suspensions: tuple[tuple[datetime.date, datetime.date], ...] = ()
    kind: str = ""  # the programme's kind


@dataclass(frozen=True)
class ExitRow:
    pathway_id: int
    person_id: int
    exit_on: datetime.date
    entry_on: datetime.date
    group: str
    category: str
    is_counted: bool
    not_counted_because: str = ""
    kind: str = ""  # the programme's kind


@dataclass(frozen=True)
class FollowUpRow:
    pathway_id: int
    person_id: int
    months: int
    outcome: str  # "" while not recorded


@dataclass(frozen=True)
class PersonRow:
    """A person supported in the period: what the funders' breakdowns read."""

    pathway_id: int
    person_id: int
    birth_date: datetime.date | None
    recognised_disability: bool
    criteria: frozenset[str] = frozenset()
    # An anonymised person has no birth date any more: the band at entry the anonymisation kept ("<26", …).
    kept_band: str = ""


@dataclass(frozen=True)
class BarrierRow:
    pathway_id: int
    person_id: int
    domain: str
    identified_on: datetime.date
    lifted_on: datetime.date | None  # the day it was marked lifted, if it is


@dataclass(frozen=True)
class Figure:
    """A number and the pathways behind it. `people` counts distinct people (a person with two pathways once)."""

    key: str
    value: int | Decimal | None
    pathway_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()
    percent: Decimal | None = None
    extra: dict = field(default_factory=dict, compare=False)


def percent(count: int | Decimal, total: int | Decimal) -> Decimal | None:
    if not total:
        return None
    return (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _people_figure(key: str, rows: Iterable) -> Figure:
    rows = list(rows)
    people = frozenset(r.person_id for r in rows)
    return Figure(key, len(people), frozenset(r.pathway_id for r in rows), people)


# --- People and contracts ---------------------------------------------------------------------------------


def supported(contracts: Iterable[ContractRow], period: Period) -> Figure:
    """People under an insertion contract on at least one day of the period."""
    return _people_figure("supported", (c for c in contracts if period.clip(c.start, c.end)))


def hired(first_starts: Iterable[ContractRow], period: Period) -> Figure:
    """People whose pathway's first contract began in the period (`first_starts`: one row per pathway)."""
    return _people_figure("hired", (c for c in first_starts if period.start <= c.start <= period.end))


def present_at_end(contracts: Iterable[ContractRow], period: Period) -> Figure:
    """People under contract on the period's last day (a suspended contract still binds them)."""
    return _people_figure("present", (c for c in contracts if c.start <= period.end <= c.end))


def _merged(intervals: Iterable[tuple[datetime.date, datetime.date]]) -> list[tuple[datetime.date, datetime.date]]:
    merged: list[tuple[datetime.date, datetime.date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def worked_days(contract: ContractRow, period: Period) -> int:
    """Days of the contract inside the period, less its suspended days (overlapping suspensions once)."""
    span = period.clip(contract.start, contract.end)
    if span is None:
        return 0
    inside = Period(*span)
    suspended = sum(
        (clip[1] - clip[0]).days + 1
        for clip in (inside.clip(s, e) for s, e in _merged(contract.suspensions))
        if clip is not None
    )
    return inside.days - suspended


def hours_worked(contracts: Iterable[ContractRow], period: Period) -> Figure:
    """Contractual hours: weekly hours × worked days ÷ 7, summed over the contracts, to the hour."""
    rows = [(c, worked_days(c, period)) for c in contracts]
    rows = [(c, d) for c, d in rows if d > 0]
    total = sum((c.weekly_hours * d / 7 for c, d in rows), Decimal(0))
    people = frozenset(c.person_id for c, _d in rows)
    return Figure(
        "hours", total.quantize(Decimal("1"), rounding=ROUND_HALF_UP), frozenset(c.pathway_id for c, _d in rows), people
    )


def full_time_equivalents(contracts: Iterable[ContractRow], period: Period) -> Figure:
    """Σ (weekly hours ÷ full-time hours × worked days) ÷ days of the period, to two decimals."""
    rows = [(c, worked_days(c, period)) for c in contracts]
    rows = [(c, d) for c, d in rows if d > 0]
    total = sum((c.weekly_hours / c.full_time_hours * d for c, d in rows), Decimal(0)) / period.days
    people = frozenset(c.person_id for c, _d in rows)
    return Figure(
        "fte",
        total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        frozenset(c.pathway_id for c, _d in rows),
        people,
    )


# --- Exits ------------------------------------------------------------------------------------------------


def exits_in(exits: Iterable[ExitRow], period: Period) -> list[ExitRow]:
    return [e for e in exits if period.start <= e.exit_on <= period.end]


def pathway_lengths(exits: Iterable[ExitRow], period: Period) -> dict[str, Figure]:
    """Days from the first day of contract to the exit, over the exits of the period: mean, median, bands."""
    rows = exits_in(exits, period)
    lengths = [(e.exit_on - e.entry_on).days for e in rows]
    pathways = frozenset(e.pathway_id for e in rows)
    people = frozenset(e.person_id for e in rows)
    mean = Decimal(sum(lengths)) / len(lengths) if lengths else None
    median = Decimal(str(statistics.median(lengths))) if lengths else None
    result = {
        "length_mean": Figure(
            "length_mean",
            None if mean is None else mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP),
            pathways,
            people,
        ),
        "length_median": Figure(
            "length_median",
            None if median is None else median.quantize(Decimal("1"), rounding=ROUND_HALF_UP),
            pathways,
            people,
        ),
    }
    for code, low, high in LENGTH_BANDS:
        band = [e for e, days in zip(rows, lengths, strict=True) if low <= days <= high]
        key = f"length:{code}"
        result[key] = Figure(
            key, len(band), frozenset(e.pathway_id for e in band), frozenset(e.person_id for e in band)
        )
    return result


def _exit_figure(key: str, rows: list[ExitRow], denominator: int | None) -> Figure:
    return Figure(
        key,
        len(rows),
        frozenset(e.pathway_id for e in rows),
        frozenset(e.person_id for e in rows),
        percent(len(rows), denominator) if denominator is not None else None,
    )


def exit_figures(exits: Iterable[ExitRow], period: Period) -> dict[str, Figure]:
    """Exits of the period by group; shares are out of the counted exits, the non-counted ones apart.

    "Dynamic" exits are lasting + transition + positive: the French State's "sorties dynamiques".
    """
    rows = exits_in(exits, period)
    counted = [e for e in rows if e.is_counted]
    not_counted = [e for e in rows if not e.is_counted]
    result = {
        "exits": _exit_figure("exits", rows, None),
        "exits_counted": _exit_figure("exits_counted", counted, None),
        "exits_not_counted": _exit_figure("exits_not_counted", not_counted, None),
        "exits_short_stay": _exit_figure(
            "exits_short_stay", [e for e in not_counted if e.not_counted_because == "short_stay"], None
        ),
    }
    for group in COUNTED_GROUPS:
        result[f"exits:{group}"] = _exit_figure(
            f"exits:{group}", [e for e in counted if e.group == group], len(counted)
        )
    result["exits_dynamic"] = _exit_figure(
        "exits_dynamic", [e for e in counted if e.group in DYNAMIC_GROUPS], len(counted)
    )
    return result


def exits_by_category(exits: Iterable[ExitRow], period: Period) -> dict[str, Figure]:
    """Exits of the period per category code (counted or not), keyed "category:<code>"."""
    per: dict[str, list[ExitRow]] = {}
    for e in exits_in(exits, period):
        per.setdefault(e.category, []).append(e)
    return {f"category:{code}": _exit_figure(f"category:{code}", rows, None) for code, rows in sorted(per.items())}


def follow_up_figures(follow_ups: Iterable[FollowUpRow], outcomes: Iterable[str], steps: Iterable[int]) -> dict:
    """Situation at 1, 3 and 6 months after the exits of the period (`follow_ups` of those exits only).

    Shares are out of the recorded follow-ups of that step ("no answer" is an outcome); those still to make apart.
    """
    rows = list(follow_ups)
    result: dict[str, Figure] = {}
    for months in steps:
        step = [f for f in rows if f.months == months]
        recorded = [f for f in step if f.outcome]
        for outcome in outcomes:
            key = f"follow_up:{months}:{outcome}"
            chosen = [f for f in recorded if f.outcome == outcome]
            result[key] = Figure(
                key,
                len(chosen),
                frozenset(f.pathway_id for f in chosen),
                frozenset(f.person_id for f in chosen),
                percent(len(chosen), len(recorded)),
            )
        pending = [f for f in step if not f.outcome]
        result[f"follow_up:{months}:pending"] = Figure(
            f"follow_up:{months}:pending",
            len(pending),
            frozenset(f.pathway_id for f in pending),
            frozenset(f.person_id for f in pending),
        )
        result[f"follow_up:{months}:recorded"] = Figure(
            f"follow_up:{months}:recorded",
            len(recorded),
            frozenset(f.pathway_id for f in recorded),
            frozenset(f.person_id for f in recorded),
        )
    return result


# --- Who the people are -----------------------------------------------------------------------------------


def age_bands(people: Iterable[PersonRow], period: Period) -> dict[str, Figure]:
    """People supported by age on the period's last day; an anonymised person by the band kept at their
    anonymisation (their age at entry); without either, "unknown"."""
    groups: dict[str, list[PersonRow]] = {code: [] for code, _low, _high in AGE_BANDS}
    groups["unknown"] = []
    for row in people:
        if row.birth_date is None:
            groups[KEPT_BANDS.get(row.kept_band, "unknown")].append(row)
            continue
        age = age_on(row.birth_date, period.end)
        code = next((c for c, low, high in AGE_BANDS if low <= age <= high), "under_26")
        groups[code].append(row)
    return {f"age:{code}": _people_figure(f"age:{code}", rows) for code, rows in groups.items()}


def disability(people: Iterable[PersonRow]) -> Figure:
    return _people_figure("disability", (p for p in people if p.recognised_disability))


def criteria(people: Iterable[PersonRow]) -> dict[str, Figure]:
    """People supported per eligibility criterion of their last eligible diagnosis (a person in several)."""
    per: dict[str, list[PersonRow]] = {code: [] for code in FUNDER_CRITERIA}
    for row in people:
        for code in row.criteria:
            per.setdefault(code, []).append(row)
    return {f"criterion:{code}": _people_figure(f"criterion:{code}", rows) for code, rows in sorted(per.items())}


# --- Activities (immersions, trainings, certifications, badges, workshops, orientations) ------------------


@dataclass(frozen=True)
class ActivityRow:
    """One dated item of a pathway: `item_id` counts it once even when the row repeats per pathway."""

    item_id: int
    pathway_id: int
    person_id: int
    day: datetime.date
    group: str = ""  # what the figure splits by (obtained, attendance, partner kind|status…)


def _items_figure(key: str, rows: list[ActivityRow]) -> Figure:
    return Figure(
        key,
        len({r.item_id for r in rows}),
        frozenset(r.pathway_id for r in rows),
        frozenset(r.person_id for r in rows),
    )


def activities(kind: str, rows: Iterable[ActivityRow], period: Period) -> dict[str, Figure]:
    """Items dated in the period ("immersions", "trainings", "certifications", "badges"), and for trainings
    those whose diploma or certificate was obtained."""
    inside = [r for r in rows if period.start <= r.day <= period.end]
    result = {kind: _items_figure(kind, inside)}
    if kind == "trainings":
        result["trainings_obtained"] = _items_figure("trainings_obtained", [r for r in inside if r.group == "obtained"])
    return result


def workshop_figures(rows: Iterable[ActivityRow], period: Period, workshops_held: int) -> dict[str, Figure]:
    """Workshop invitations of the period (item = invitation, group = attendance): invited, present, and the
    attendance rate, present out of the invitations whose attendance was recorded."""
    inside = [r for r in rows if period.start <= r.day <= period.end]
    present = [r for r in inside if r.group == "present"]
    recorded = [r for r in inside if r.group]
    return {
        "workshops": Figure("workshops", workshops_held),
        "workshop_invited": _items_figure("workshop_invited", inside),
        "workshop_present": Figure(
            "workshop_present",
            len({r.item_id for r in present}),
            frozenset(r.pathway_id for r in present),
            frozenset(r.person_id for r in present),
            percent(len({r.item_id for r in present}), len({r.item_id for r in recorded})),
        ),
    }


ORIENTATION_OUTCOMES = {
    "done": ("done",),
    "open": ("proposed", "sent", "accepted", "appointment_taken"),
    "ended": ("refused", "dropped"),
}


def orientation_figures(rows: Iterable[ActivityRow], period: Period) -> dict[str, Figure]:
    """Orientations made in the period per partner kind (group = "kind|status"), split by where they stand."""
    inside = [r for r in rows if period.start <= r.day <= period.end]
    per_kind: dict[str, list[ActivityRow]] = {}
    for r in inside:
        per_kind.setdefault(r.group.split("|")[0], []).append(r)
    result = {"orientations": _items_figure("orientations", inside)}
    for kind, kind_rows in sorted(per_kind.items()):
        result[f"orientation:{kind}:all"] = _items_figure(f"orientation:{kind}:all", kind_rows)
        for outcome, statuses in ORIENTATION_OUTCOMES.items():
            key = f"orientation:{kind}:{outcome}"
            result[key] = _items_figure(key, [r for r in kind_rows if r.group.split("|")[1] in statuses])
    return result


# --- Programme-specific -----------------------------------------------------------------------------------


def italian_share(contracts: Iterable[ContractRow], period: Period, total_workers: int | None) -> dict[str, Figure]:
    """Disadvantaged workers of a type-B co-operative over the period, against the 30 % floor.

    The disadvantaged workers are the people under an Italian insertion contract, averaged over the days of
    the period (a person counts once a day, suspended or not); the total is the structure's declared workforce.
    """
    rows = [c for c in contracts if c.kind == "it_coop_b" and period.clip(c.start, c.end)]
    days_per_person: dict[int, set[int]] = {}
    for c in rows:
        low, high = period.clip(c.start, c.end)
        days_per_person.setdefault(c.person_id, set()).update(range(low.toordinal(), high.toordinal() + 1))
    average = Decimal(sum(len(days) for days in days_per_person.values())) / period.days
    average = average.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    pathways = frozenset(c.pathway_id for c in rows)
    people = frozenset(c.person_id for c in rows)
    share = percent(average, total_workers) if total_workers else None
    return {
        "it_disadvantaged": Figure("it_disadvantaged", average, pathways, people),
        "it_share": Figure(
            "it_share",
            share,
            pathways,
            people,
            extra={"total": total_workers, "met": None if share is None else share >= ITALIAN_FLOOR_PERCENT},
        ),
    }


def belgian_unemployment_rights(exits: Iterable[ExitRow], period: Period) -> dict[str, Figure]:
    """Article 60 contracts ended in the period, and those ended with unemployment benefit rights opened."""
    ended = [e for e in exits_in(exits, period) if e.kind == "be_art60"]
    opened = [e for e in ended if e.category == "unemployment_rights"]
    return {
        "be_ended": _exit_figure("be_ended", ended, None),
        "be_rights": _exit_figure("be_rights", opened, len(ended)),
    }


# --- Barriers ---------------------------------------------------------------------------------------------


def barrier_figures(barriers: Iterable[BarrierRow], exits: Iterable[ExitRow], period: Period) -> dict[str, Figure]:
    """For the pathways that exited in the period, per domain: pathways with a barrier identified by the
    exit day, and pathways whose barriers of that domain were all lifted on or before the exit day."""
    exit_on = {e.pathway_id: e.exit_on for e in exits_in(exits, period)}
    per_domain: dict[str, dict[int, list[BarrierRow]]] = {}
    for b in barriers:
        if b.pathway_id in exit_on and b.identified_on <= exit_on[b.pathway_id]:
            per_domain.setdefault(b.domain, {}).setdefault(b.pathway_id, []).append(b)
    result: dict[str, Figure] = {}
    for domain, by_pathway in sorted(per_domain.items()):
        entry = [rows[0] for rows in by_pathway.values()]
        lifted = [
            rows[0]
            for pathway_id, rows in by_pathway.items()
            if all(r.lifted_on is not None and r.lifted_on <= exit_on[pathway_id] for r in rows)
        ]
        result[f"barrier:{domain}:entry"] = _people_figure(f"barrier:{domain}:entry", entry)
        result[f"barrier:{domain}:lifted"] = _people_figure(f"barrier:{domain}:lifted", lifted)
    return result


# --- Per month (charts) -----------------------------------------------------------------------------------


def per_month(dates: Iterable[datetime.date], period: Period) -> list[tuple[datetime.date, int]]:
    counts = {month: 0 for month in period.months()}
    for day in dates:
        if period.start <= day <= period.end:
            counts[day.replace(day=1)] += 1
    return sorted(counts.items())
