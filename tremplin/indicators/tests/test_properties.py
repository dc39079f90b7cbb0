"""Each indicator against a plain recount, over randomly generated pathways stored in the database.

The recount walks the period day by day (a contract counts on a day inside it and outside its suspensions) and
reads the exits one by one: no interval arithmetic shared with the code under test. The cases the funders'
figures get wrong most often are always possible: a contract across the period's boundary, a suspension, a
person with two pathways, an exit recorded then cancelled (deleted), an anonymised person (still counted).
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.indicators.figures import DYNAMIC_GROUPS, Period
from tremplin.indicators.services import compute
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.retention.services import anonymise_person
from tremplin.structures.factories import StructureFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db(transaction=False)

PERIOD = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
BEFORE = datetime.date(2024, 9, 1)  # contracts start from here: some cross the period's start
TODAY = datetime.date(2026, 3, 1)
GROUPS = ("lasting", "transition", "positive", "other", "not_counted")


@dataclass(frozen=True)
class Spec:
    person: int  # index: two specs with the same index are one person with two pathways
    start: int  # days after BEFORE
    days: int
    hours: int
    suspension: tuple[int, int] | None  # (offset in the contract, length)
    exit_group: str | None
    exit_cancelled: bool
    anonymised: bool


specs = st.builds(
    Spec,
    person=st.integers(0, 3),
    start=st.integers(0, 560),
    days=st.integers(20, 400),
    hours=st.integers(10, 35),
    suspension=st.none() | st.tuples(st.integers(0, 60), st.integers(1, 40)),
    exit_group=st.none() | st.sampled_from(GROUPS),
    exit_cancelled=st.booleans(),
    anonymised=st.booleans(),
)


def _build(specs_: list[Spec]):
    structure = StructureFactory()
    programme = ProgrammeFactory(structure=structure)
    people = {}
    contracts, exits = [], []
    for spec in specs_:
        person = people.get(spec.person) or PersonFactory(structure=structure, birth_date=datetime.date(1980, 5, 5))
        people[spec.person] = person
        start = BEFORE + datetime.timedelta(days=spec.start)
        end = start + datetime.timedelta(days=spec.days)
        suspended = None
        if spec.suspension:
            s_start = start + datetime.timedelta(days=min(spec.suspension[0], spec.days))
            suspended = (s_start, min(end, s_start + datetime.timedelta(days=spec.suspension[1])))
        ended_on = end if spec.exit_group else None
        pathway = pathway_with_contract(
            structure,
            programme,
            start,
            end,
            hours=str(spec.hours),
            person=person,
            suspended=suspended,
            ended_on=ended_on,
        )
        contracts.append((person.pk, pathway.pk, start, end, Decimal(spec.hours), suspended))
        if spec.exit_group:
            counted = spec.exit_group != "not_counted"
            record = add_exit(
                pathway, end, group=spec.exit_group, counted=counted, because="" if counted else "category"
            )
            if spec.exit_cancelled:
                record.delete()
            else:
                exits.append((person.pk, pathway.pk, end, spec.exit_group, counted))
    for index in sorted({spec.person for spec in specs_ if spec.anonymised}):
        anonymise_person(people[index], TODAY)  # once per person, as the purge does
    return structure, contracts, exits


def _days(period: Period):
    day = period.start
    while day <= period.end:
        yield day
        day += datetime.timedelta(days=1)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(specs, min_size=1, max_size=6))
def test_every_figure_matches_a_plain_recount(specs_):
    with transaction.atomic():
        structure, contracts, exits = _build(specs_)
        result = compute(structure, PERIOD, today=TODAY)

        supported, hours, weighted = set(), Decimal(0), Decimal(0)
        for person, _pathway, start, end, weekly, suspended in contracts:
            for day in _days(PERIOD):
                if start <= day <= end:
                    supported.add(person)
                    if suspended is None or not suspended[0] <= day <= suspended[1]:
                        hours += weekly / 7
                        weighted += weekly / 35
        assert result["supported"].value == len(supported)
        assert result["hours"].value == hours.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        assert result["fte"].value == (weighted / PERIOD.days).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        present = {c[0] for c in contracts if c[2] <= PERIOD.end <= c[3]}
        assert result["present"].person_ids == present

        first_start: dict[int, datetime.date] = {}
        for _person, pathway, start, *_rest in contracts:
            first_start[pathway] = min(start, first_start.get(pathway, start))
        hired = {c[0] for c in contracts if PERIOD.start <= first_start[c[1]] <= PERIOD.end}
        assert result["hired"].person_ids == hired

        in_period = [e for e in exits if PERIOD.start <= e[2] <= PERIOD.end]
        counted = [e for e in in_period if e[4]]
        assert result["exits"].value == len(in_period)
        assert result["exits_not_counted"].value == len(in_period) - len(counted)
        dynamic = [e for e in counted if e[3] in DYNAMIC_GROUPS]
        assert result["exits_dynamic"].value == len(dynamic)
        if counted:
            expected = (Decimal(len(dynamic)) * 100 / len(counted)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            assert result["exits_dynamic"].percent == expected
        for group in ("lasting", "transition", "positive", "other"):
            assert result[f"exits:{group}"].value == sum(1 for e in counted if e[3] == group)
        # Everyone was born in 1980: 45 at the period's end, 44 or so at entry once anonymised.
        assert result["age:26_49"].person_ids == supported
        assert result["age:unknown"].value == 0
        transaction.set_rollback(True)
