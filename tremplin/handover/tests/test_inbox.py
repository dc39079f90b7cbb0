import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.handover.factories import HandoverFactory, HandoverItemFactory

URL = reverse("handover:inbox")


def test_the_new_referent_sees_unread_handovers_first(client, structure, newcomer):
    read = HandoverFactory(structure=structure, to_referent=newcomer, acknowledged_at=timezone.now())
    unread = HandoverFactory(structure=structure, to_referent=newcomer)
    HandoverFactory(structure=structure)
    client.force_login(newcomer)
    response = client.get(URL)
    assert response.context["received"] == [unread, read]
    assert response.context["unread"] == 1
    assert len(response.context["page"]) == 3


def test_it_never_lists_another_structures_handovers(client, other_structure_director, structure, newcomer):
    HandoverFactory(structure=structure, to_referent=newcomer)
    client.force_login(other_structure_director)
    assert len(client.get(URL).context["page"]) == 0


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH, Role.PARTNER])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, newcomer, count, django_assert_num_queries):
    for _ in range(count):
        HandoverItemFactory(handover=HandoverFactory(structure=structure, to_referent=newcomer))
    client.force_login(newcomer)
    with django_assert_num_queries(8):
        client.get(URL)
