"""immersions:plan_follow_up — the follow-up meeting of an immersion, one month after it, linked to it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.dates import add_months
from tremplin.immersions.factories import ImmersionFactory
from tremplin.interviews.models import Interview, Kind

pytestmark = pytest.mark.django_db


def url(immersion):
    return reverse("immersions:plan_follow_up", args=[immersion.public_id])


@pytest.fixture
def immersion(pathway):
    today = timezone.localdate()
    return ImmersionFactory(
        pathway=pathway, starts_on=today - datetime.timedelta(days=4), ends_on=today + datetime.timedelta(days=3)
    )


def test_the_proposed_date_is_one_month_after_the_last_day(client, coach, immersion):
    client.force_login(coach)
    form = client.get(url(immersion)).context["form"]
    proposed = form.initial["planned_at"]
    assert timezone.localtime(proposed).date() == add_months(immersion.ends_on, 1)
    assert form.initial["kind"] == Kind.INDIVIDUAL


def test_planning_links_the_meeting_to_the_immersion_and_the_immersion_shows_it(client, coach, immersion):
    moment = add_months(immersion.ends_on, 1)
    client.force_login(coach)
    response = client.post(
        url(immersion),
        {
            "kind": Kind.TRIPARTITE,
            "channel": "in_person",
            "third_party": "Mme Laurent, tutrice",
            "planned_at": f"{moment.isoformat()}T14:30",
            "led_by": "",
            "visibility": "whole_team",
        },
    )
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.immersion == immersion
    assert interview.pathway == immersion.pathway
    detail = client.get(reverse("immersions:detail", args=[immersion.public_id])).content.decode()
    assert f"Entretien tripartite prévu le {moment:%d/%m/%Y} 14:30" in detail
    listing = client.get(reverse("interviews:list", args=[immersion.pathway.public_id])).content.decode()
    assert "suivi après une immersion" in listing


def test_a_past_moment_is_refused_on_its_field(client, coach, immersion):
    client.force_login(coach)
    response = client.post(
        url(immersion),
        {"kind": Kind.INDIVIDUAL, "channel": "phone", "planned_at": "2020-01-06T10:00", "visibility": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["planned_at"][0].startswith("Date prévue : un rendez-vous ne peut pas")
    assert not Interview.objects.exists()


def test_an_old_immersion_proposes_tomorrow(client, coach, pathway):
    old = ImmersionFactory(pathway=pathway, starts_on=datetime.date(2024, 3, 4), ends_on=datetime.date(2024, 3, 8))
    client.force_login(coach)
    proposed = client.get(url(old)).context["form"].initial["planned_at"]
    assert timezone.localtime(proposed).date() == timezone.localdate() + datetime.timedelta(days=1)


def test_the_supervisor_reads_the_immersion_but_cannot_plan_its_follow_up(client, member, immersion):
    supervisor = member(Role.SUPERVISOR)
    immersion.pathway.supervisor = supervisor
    immersion.pathway.save()
    client.force_login(supervisor)
    assert client.get(reverse("immersions:detail", args=[immersion.public_id])).status_code == 200
    assert client.post(url(immersion), {"kind": Kind.INDIVIDUAL}).status_code == 403


def test_another_structure_gets_a_404(client, coach, other_pathway):
    other = ImmersionFactory(pathway=other_pathway)
    client.force_login(coach)
    assert client.get(url(other)).status_code == 404
