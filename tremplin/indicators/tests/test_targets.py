"""Yearly targets: entered by the direction, progress and trend against the year's figures, warning when missed."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.indicators.models import Target
from tremplin.indicators.targets import progress, save_targets
from tremplin.programmes.factories import ProgrammeFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db
d = datetime.date
MID_YEAR = d(2025, 7, 2)  # day 183 of 365


@pytest.fixture
def first_half(structure):
    """Two people all year at 35 h; one hired in March who left in June to a CDI, one other exit."""
    aci = ProgrammeFactory(structure=structure)
    pathway_with_contract(structure, aci, d(2024, 6, 1), d(2025, 12, 31), hours="35")
    pathway_with_contract(structure, aci, d(2024, 6, 1), d(2025, 12, 31), hours="35")
    left = pathway_with_contract(structure, aci, d(2025, 3, 1), d(2025, 6, 30), hours="35")
    add_exit(left, d(2025, 6, 30))
    other = pathway_with_contract(structure, aci, d(2024, 10, 1), d(2025, 5, 31), hours="35")
    add_exit(other, d(2025, 5, 31), group="other", category="job_seeker")
    return aci


def test_no_target_no_progress(structure):
    assert progress(structure, MID_YEAR) == (None, [])


def test_the_trend_warns_when_the_year_s_pace_misses_a_target(structure, member, first_half):
    save_targets(structure, 2025, dynamic_exit_rate=Decimal("60"), people=6, hours=7000, by=member(Role.DIRECTOR))
    _target, rows = progress(structure, MID_YEAR)
    by_key = {row.key: row for row in rows}
    # 4 people so far, 1 hire in 183 days: 4 + 1 × 182 / 183 ≈ 5 by the end of the year, under 6.
    assert (by_key["people"].actual, by_key["people"].projected, by_key["people"].on_track) == (4, 5, False)
    hours = by_key["hours"]
    assert hours.projected == (Decimal(hours.actual) * 365 / 183).quantize(Decimal("1"))
    assert hours.on_track is (hours.projected >= 7000)
    assert (by_key["dynamic"].actual, by_key["dynamic"].on_track) == (Decimal("50.0"), False)


def test_a_rate_without_counted_exits_is_not_judged(structure, member):
    save_targets(structure, 2025, dynamic_exit_rate=Decimal("60"), people=None, hours=None, by=member(Role.DIRECTOR))
    _target, rows = progress(structure, MID_YEAR)
    assert [(r.key, r.on_track) for r in rows] == [("dynamic", None)]


def test_the_director_enters_the_targets_and_the_dashboard_block_shows_them(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    year = datetime.date.today().year
    response = client.post(
        reverse("indicators:targets"), {"year": year, "dynamic_exit_rate": "55.5", "people": "40", "hours": ""}
    )
    assert response.status_code == 302
    target = Target.objects.get(structure=structure, year=year)
    assert (target.dynamic_exit_rate, target.people, target.hours) == (Decimal("55.5"), 40, None)
    block = client.get(reverse("indicators:progress")).content.decode()
    assert "Personnes accompagnées" in block and "Attention" in block


def test_a_rate_above_100_is_refused_on_its_field(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(reverse("indicators:targets"), {"year": 2025, "dynamic_exit_rate": "120"})
    assert response.status_code == 200
    assert response.context["form"].errors["dynamic_exit_rate"]
    assert not Target.objects.exists()


def test_a_case_manager_reads_the_targets_but_cannot_change_them(client, structure, member):
    client.force_login(member(Role.CASE_MANAGER))
    assert client.get(reverse("indicators:targets")).status_code == 200
    assert client.post(reverse("indicators:targets"), {"year": 2025, "people": "3"}).status_code == 403
