"""Exit indicators on known data: shares out of counted exits, non-counted apart, situation at 6 months."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.exits.models import Outcome
from tremplin.exits.services import exit_indicators
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

D = datetime.date(2026, 3, 15)


def add_exit(structure, programme, group, *, counted=True, because="", on=D, six=None):
    pathway = PathwayFactory(person=PersonFactory(structure=structure), programme=programme, status=Status.FOLLOW_UP)
    exit_record = ExitFactory(
        pathway=pathway, group=group, is_counted=counted, not_counted_because=because, exit_on=on, category="x"
    )
    if six is not None:
        FollowUpFactory(exit=exit_record, months=6, outcome=six, contacted_on=on if six else None)
    return exit_record


@pytest.fixture
def known(structure):
    """10 exits in March 2026: 4 lasting, 2 transition, 1 positive, 1 other counted; 1 not counted by category,
    1 lasting within 3 months of entry. Plus one exit in 2025 and one of another programme."""
    aci = ProgrammeFactory(structure=structure, name="ACI")
    ei = ProgrammeFactory(structure=structure, name="EI", kind="fr_ei")
    six = [Outcome.STILL_IN_JOB, Outcome.STILL_IN_JOB, Outcome.NO_ANSWER, ""]
    for index in range(4):
        add_exit(structure, aci, "lasting", six=six[index])
    for _ in range(2):
        add_exit(structure, aci, "transition", six=Outcome.UNEMPLOYED)
    add_exit(structure, aci, "positive")
    add_exit(structure, aci, "other")
    add_exit(structure, aci, "not_counted", counted=False, because="category")
    add_exit(structure, aci, "lasting", counted=False, because="short_stay")
    add_exit(structure, aci, "lasting", on=datetime.date(2025, 12, 31))
    add_exit(structure, ei, "positive")
    add_exit(StructureFactory(), ProgrammeFactory(), "lasting")
    return aci


def test_shares_are_out_of_counted_exits_and_non_counted_ones_are_apart(structure, known):
    result = exit_indicators(
        structure, programme=known, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    assert (result.total, result.counted, result.not_counted, result.short_stays) == (10, 8, 2, 1)
    shares = {g.code: (g.count, g.percent) for g in result.groups}
    assert shares["lasting"] == (4, Decimal("50.0"))
    assert shares["transition"] == (2, Decimal("25.0"))
    assert shares["positive"] == (1, Decimal("12.5"))
    assert shares["other"] == (1, Decimal("12.5"))
    assert shares["dynamic"] == (7, Decimal("87.5"))


def test_the_situation_at_6_months_counts_each_outcome_and_the_pending_ones(structure, known):
    result = exit_indicators(structure, programme=known, start=datetime.date(2026, 1, 1))
    counts = {row.code: row.count for row in result.six_months}
    assert counts == {"still_in_job": 2, "new_job": 0, "training": 0, "unemployed": 2, "no_answer": 1}
    assert (result.six_months_recorded, result.six_months_pending) == (5, 1)
    assert {row.code: row.percent for row in result.six_months}["no_answer"] == Decimal("20.0")


def test_the_period_and_the_programme_filter(structure, known):
    assert exit_indicators(structure).total == 12
    assert exit_indicators(structure, end=datetime.date(2025, 12, 31)).total == 1
    assert exit_indicators(structure, start=datetime.date(2026, 1, 1)).total == 11


def test_no_exit_gives_no_percentage(structure):
    result = exit_indicators(structure)
    assert result.total == 0 and all(g.percent is None for g in result.groups)


def test_the_page_is_for_the_director_and_filters(client, structure, member, known):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(
        reverse("exits:indicators"), {"programme": str(known.public_id), "start": "2026-01-01", "end": "2026-12-31"}
    )
    assert response.status_code == 200
    assert response.context["indicators"].total == 10
    assert "50.0 %" in response.content.decode() or "50,0 %" in response.content.decode()
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("exits:indicators")).status_code == 403


def test_an_end_before_the_start_is_named(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(reverse("exits:indicators"), {"start": "2026-05-01", "end": "2026-01-01"})
    assert response.context["form"].errors["end"]


def test_the_page_costs_the_same_queries_for_few_or_many_exits(client, structure, member, django_assert_num_queries):
    programme = ProgrammeFactory(structure=structure)
    client.force_login(member(Role.DIRECTOR))
    add_exit(structure, programme, "lasting", six=Outcome.NO_ANSWER)
    # session, user, membership, savepoint and release, programmes, exits by type, situation at 6 months.
    with django_assert_num_queries(8):
        client.get(reverse("exits:indicators"))
    for _ in range(15):
        add_exit(structure, programme, "transition", six=Outcome.NEW_JOB)
    with django_assert_num_queries(8):
        client.get(reverse("exits:indicators"))


def test_each_count_of_the_summary_agrees_with_its_own_number():
    """Five exits of which one is not counted: "1 non comptabilisée", not "1 non comptabilisées"."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    indicators = SimpleNamespace(
        total=5,
        counted=4,
        not_counted=1,
        short_stays=0,
        rows=[],
        not_counted_rows=[],
        six_months=[],
        six_months_recorded=1,
        six_months_pending=3,
    )
    with translation.override("fr"):
        html = " ".join(render_to_string("exits/_indicators_tables.html", {"indicators": indicators}).split())
    assert "5 sorties enregistrées : 4 comptabilisées, 1 non comptabilisée." in html
    assert "Situation à 6 mois : 1 suivi enregistré, 3 encore à faire" in html
    assert "(s)" not in html
