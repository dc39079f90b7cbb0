"""The person's self-evaluation through a single-use, expiring signed link."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.competences import services
from tremplin.competences.models import SelfMode

from .conftest import levels

pytestmark = pytest.mark.django_db


@pytest.fixture
def link_url(session, supervisor):
    _link, token = services.issue_link(session, by=supervisor)
    return reverse("competences:self_evaluation", args=[token])


def test_the_person_fills_their_grid_once(client, session, soft_skills, link_url):
    page = client.get(link_url)
    assert page.status_code == 200
    assert "Nadia" in page.content.decode()

    response = client.post(link_url, levels(soft_skills, [2, 4, 5]))

    assert "votre grille est enregistrée" in response.content.decode()
    session.refresh_from_db()
    assert session.self_mode == SelfMode.LINK
    assert sorted(session.scores.values_list("self_level", flat=True)) == [2, 4, 5]
    assert "plus valable" in client.get(link_url).content.decode()
    assert client.post(link_url, levels(soft_skills, [0, 0, 0])).status_code == 410
    assert sorted(session.scores.values_list("self_level", flat=True)) == [2, 4, 5]


def test_the_page_never_shows_the_coach_levels_or_other_data(client, session, soft_skills, supervisor, link_url):
    services.record_coach_levels(session, {str(c.public_id): 3 for c in soft_skills}, by=supervisor)
    session.pathway.person.phone = "06 99 88 77 66"
    session.pathway.person.save()

    page = client.get(link_url).content.decode()

    assert "checked" not in page
    assert "Ferhat" not in page
    assert "06 99 88 77 66" not in page


def test_a_bad_level_through_the_link_is_refused_and_the_link_stays_usable(client, session, soft_skills, link_url):
    response = client.post(link_url, levels(soft_skills, [2, 9, 5]))

    assert response.status_code == 400
    assert "le niveau doit être un nombre entier de 0 à 5" in response.content.decode()
    assert session.scores.filter(self_level__isnull=False).count() == 0
    assert client.post(link_url, levels(soft_skills, [2, 4, 5])).status_code == 200


def test_an_expired_link_is_dead(client, session, soft_skills, link_url):
    session.links.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    assert "plus valable" in client.get(link_url).content.decode()
    assert client.post(link_url, levels(soft_skills, [1, 1, 1])).status_code == 410


def test_a_tampered_token_is_dead(client, link_url):
    assert "plus valable" in client.get(link_url[:-3] + "xyz/").content.decode()


def test_a_new_link_cancels_the_previous_one(client, session, supervisor, link_url):
    services.issue_link(session, by=supervisor)
    assert "plus valable" in client.get(link_url).content.decode()


def test_the_coach_sees_the_link_as_a_qr_code(client, supervisor, session):
    client.force_login(supervisor)
    client.post(reverse("competences:self_link", args=[session.public_id]))

    page = client.get(reverse("competences:self_link", args=[session.public_id])).content.decode()

    assert "<svg" in page
    assert "/competences/auto-evaluation/" in page


def test_a_signed_in_member_of_another_structure_gets_404(client, link_url, db):
    from tremplin.accounts.factories import MembershipFactory

    client.force_login(MembershipFactory(role=Role.DIRECTOR).user)
    assert client.get(link_url).status_code == 404
