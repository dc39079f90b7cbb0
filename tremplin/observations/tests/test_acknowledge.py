import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.observations.factories import ObservationFactory


def url(observation):
    return reverse("observations:acknowledge", args=[observation.public_id])


@pytest.fixture
def flagged(team_pathway, supervisor):
    return ObservationFactory(pathway=team_pathway, author=supervisor, needs_social_follow_up=True)


def test_the_referent_acknowledges_and_who_and_when_are_recorded(client, counsellor, flagged):
    client.force_login(counsellor)
    response = client.post(url(flagged))
    assert response.status_code == 302
    assert response.url == reverse("observations:inbox")
    flagged.refresh_from_db()
    assert flagged.acknowledged_by == counsellor
    assert flagged.acknowledged_at is not None


def test_a_second_acknowledgement_keeps_the_first(client, counsellor, member, flagged):
    client.force_login(counsellor)
    client.post(url(flagged))
    flagged.refresh_from_db()
    first = flagged.acknowledged_at
    client.force_login(member(Role.DIRECTOR))
    client.post(url(flagged))
    flagged.refresh_from_db()
    assert (flagged.acknowledged_by, flagged.acknowledged_at) == (counsellor, first)


def test_it_goes_back_to_a_safe_next_page_only(client, counsellor, flagged):
    client.force_login(counsellor)
    assert client.post(url(flagged), {"next": "https://evil.example/"}).url == reverse("observations:inbox")
    other = ObservationFactory(pathway=flagged.pathway, needs_social_follow_up=True)
    target = reverse("observations:list", args=[flagged.pathway.public_id])
    assert client.post(url(other), {"next": target}).url == target


def test_get_is_not_allowed(client, counsellor, flagged):
    client.force_login(counsellor)
    assert client.get(url(flagged)).status_code == 405
    flagged.refresh_from_db()
    assert flagged.acknowledged_at is None


def test_the_supervisor_cannot_acknowledge(client, supervisor, flagged):
    client.force_login(supervisor)
    assert client.post(url(flagged)).status_code == 403
    flagged.refresh_from_db()
    assert flagged.acknowledged_at is None


def test_it_refuses_another_structures_member(client, flagged):
    from tremplin.accounts.factories import MembershipFactory

    client.force_login(MembershipFactory(role=Role.DIRECTOR).user)
    assert client.post(url(flagged)).status_code == 404
    flagged.refresh_from_db()
    assert flagged.acknowledged_at is None


def test_an_unknown_observation_is_404(client, counsellor, flagged):
    client.force_login(counsellor)
    flagged_id = flagged.public_id
    flagged.delete()
    assert client.post(reverse("observations:acknowledge", args=[flagged_id])).status_code == 404


def test_a_social_only_observation_is_acknowledged_by_the_social_staff(client, counsellor, team_pathway):
    observation = ObservationFactory(
        pathway=team_pathway, needs_social_follow_up=True, visibility=Visibility.SOCIAL_STAFF_ONLY
    )
    client.force_login(counsellor)
    assert client.post(url(observation)).status_code == 302
