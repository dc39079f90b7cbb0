"""The indicators on a small known structure: each figure against the number worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import BarrierStatus
from tremplin.contracts.models import ContractStatus
from tremplin.exits.models import Outcome
from tremplin.indicators.figures import Period
from tremplin.indicators.services import compute
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
TODAY = datetime.date(2026, 6, 1)
d = datetime.date


@pytest.fixture
def known(structure):
    """Five pathways of 2025 in one ACI, and noise: another structure, a cancelled contract, 2024 only."""
    aci = ProgrammeFactory(structure=structure, name="ACI")
    # A: all year, 35 h, present at the end.
    a = pathway_with_contract(structure, aci, d(2024, 7, 1), d(2026, 6, 30), hours="35")
    # B: hired in March, 20 h, suspended 10 days, exits in September to a CDI (lasting).
    b = pathway_with_contract(
        structure,
        aci,
        d(2025, 3, 1),
        d(2025, 12, 31),
        hours="20",
        suspended=(d(2025, 4, 1), d(2025, 4, 10)),
        ended_on=d(2025, 9, 30),
    )
    add_exit(b, d(2025, 9, 30), outcomes={1: Outcome.STILL_IN_JOB, 3: Outcome.STILL_IN_JOB, 6: ""})
    # C: across the year's start, exits in February to training (positive), 214 days after entry.
    c = pathway_with_contract(structure, aci, d(2024, 7, 15), d(2025, 2, 14), hours="26")
    add_exit(c, d(2025, 2, 14), group="positive", category="qualifying_training", outcomes={1: Outcome.NO_ANSWER})
    # D: same person as A on a second pathway, hired in November, short stay exit in December (not counted).
    d_pathway = pathway_with_contract(
        structure, aci, d(2025, 11, 1), d(2026, 4, 30), hours="26", person=a.person, ended_on=d(2025, 12, 15)
    )
    add_exit(d_pathway, d(2025, 12, 15), group="lasting", counted=False, because="short_stay")
    # E: an anonymised person (no birth date), other exit in June.
    anonymous = PersonFactory(structure=structure, birth_date=None, first_name="Anonyme", last_name="Anonyme")
    e = pathway_with_contract(structure, aci, d(2025, 1, 1), d(2025, 6, 30), hours="24", person=anonymous)
    add_exit(e, d(2025, 6, 30), group="other", category="job_seeker")
    BarrierFactory(
        pathway=b,
        domain="mobility",
        identified_on=d(2025, 3, 1),
        status=BarrierStatus.LIFTED,
        status_changed_on=d(2025, 8, 1),
    )
    BarrierFactory(pathway=c, domain="mobility", identified_on=d(2024, 8, 1))
    # Noise.
    pathway_with_contract(structure, aci, d(2025, 5, 1), d(2025, 10, 31), status=ContractStatus.CANCELLED)
    pathway_with_contract(structure, aci, d(2024, 1, 1), d(2024, 6, 30))
    other = StructureFactory()
    pathway_with_contract(other, ProgrammeFactory(structure=other), d(2025, 1, 1), d(2025, 12, 31))
    return {"aci": aci, "a": a, "b": b, "c": c, "d": d_pathway, "e": e}


def test_people_supported_hired_and_present_count_each_person_once(structure, known):
    result = compute(structure, YEAR, today=TODAY)
    assert result["supported"].value == 4  # A and D are one person
    assert result["supported"].pathway_ids == {known[k].pk for k in "abcde"}
    assert result["hired"].value == 3  # B (March), D (November), E (January)
    assert result["present"].pathway_ids == {known["a"].pk}


def test_hours_follow_weekly_hours_suspensions_and_early_ends(structure, known):
    result = compute(structure, YEAR, today=TODAY)
    days = {"a": 365, "b": 214 - 10, "c": 45, "d": 45, "e": 181}
    hours = {"a": 35, "b": 20, "c": 26, "d": 26, "e": 24}
    expected = sum(Decimal(hours[k]) * days[k] / 7 for k in days)
    assert result["hours"].value == expected.quantize(Decimal("1"))
    fte = sum(Decimal(hours[k]) / 35 * days[k] for k in days) / 365
    assert result["fte"].value == fte.quantize(Decimal("0.01"))


def test_exits_shares_are_out_of_counted_exits(structure, known):
    result = compute(structure, YEAR, today=TODAY)
    assert result["exits"].value == 4
    assert result["exits_counted"].value == 3
    assert result["exits_not_counted"].value == 1
    assert result["exits_short_stay"].value == 1
    assert (result["exits:lasting"].value, result["exits:lasting"].percent) == (1, Decimal("33.3"))
    assert (result["exits_dynamic"].value, result["exits_dynamic"].percent) == (2, Decimal("66.7"))
    assert result["category:cdi"].value == 2  # the short stay keeps its category


def test_lengths_follow_ups_barriers_and_ages(structure, known):
    result = compute(structure, YEAR, today=TODAY)
    lengths = sorted([213, 214, 44, 180])
    assert result["length_mean"].value == Decimal(sum(lengths) / 4).quantize(Decimal("1"))
    assert result["length_median"].value == Decimal("197")
    assert result["follow_up:1:still_in_job"].percent == Decimal("50.0")
    assert result["follow_up:6:pending"].value == 1
    assert result["barrier:mobility:entry"].value == 2
    assert result["barrier:mobility:lifted"].pathway_ids == {known["b"].pk}
    assert known["e"].pk in result["age:unknown"].pathway_ids


def test_a_programme_and_a_period_narrow_the_figures(structure, known):
    other = ProgrammeFactory(structure=structure, name="EI", kind="fr_ei")
    pathway_with_contract(structure, other, d(2025, 1, 1), d(2025, 12, 31))
    assert compute(structure, YEAR, today=TODAY)["supported"].value == 5
    assert compute(structure, YEAR, known["aci"], today=TODAY)["supported"].value == 4
    spring = Period(d(2025, 3, 1), d(2025, 5, 31))
    assert compute(structure, spring, today=TODAY)["exits"].value == 0


def test_a_period_running_into_the_future_stops_today(structure, known):
    result = compute(structure, YEAR, today=d(2025, 6, 30))
    assert result["present"].pathway_ids == {known["a"].pk, known["b"].pk, known["e"].pk}
    assert result["exits"].value == 2


def test_recomputing_gives_the_same_numbers(structure, known):
    first = compute(structure, YEAR, today=TODAY)
    again = compute(structure, YEAR, today=TODAY)
    assert {k: (v.value, v.percent, v.pathway_ids) for k, v in first.figures.items()} == {
        k: (v.value, v.percent, v.pathway_ids) for k, v in again.figures.items()
    }


def test_an_italian_co_operative_sees_its_disadvantaged_share_against_the_floor():
    coop = StructureFactory(kind="COOP_B", total_workers=10)
    programme = ProgrammeFactory(structure=coop, kind="it_coop_b")
    pathway_with_contract(coop, programme, d(2024, 6, 1), d(2026, 6, 1), hours="30")  # all year: 1
    pathway_with_contract(coop, programme, d(2025, 7, 2), d(2026, 6, 1), hours="30")  # 183 days
    result = compute(coop, YEAR, today=TODAY)
    average = (Decimal(365 + 183) / 365).quantize(Decimal("0.01"))
    assert result["it_disadvantaged"].value == average
    assert result["it_share"].value == Decimal("15.0")
    assert result["it_share"].extra["met"] is False


def test_a_belgian_cpas_sees_the_article_60_ended_with_unemployment_rights():
    cpas = StructureFactory(kind="CPAS")
    programme = ProgrammeFactory(structure=cpas, kind="be_art60")
    first = pathway_with_contract(cpas, programme, d(2024, 6, 1), d(2025, 5, 31))
    add_exit(first, d(2025, 5, 31), group="positive", category="unemployment_rights")
    second = pathway_with_contract(cpas, programme, d(2024, 9, 1), d(2025, 3, 31))
    add_exit(second, d(2025, 3, 31), group="other", category="back_to_cpas_aid")
    result = compute(cpas, YEAR, today=TODAY)
    assert (result["be_ended"].value, result["be_rights"].value) == (2, 1)
    assert result["be_rights"].percent == Decimal("50.0")
    assert "it_share" not in result.figures


def test_the_funders_criteria_are_always_shown(structure, known):
    result = compute(structure, YEAR, today=TODAY)
    assert result["criterion:rsa"].value == 0
    assert "be_rights" not in result.figures and "it_share" not in result.figures
