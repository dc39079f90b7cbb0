import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.handover.factories import HandoverFactory, HandoverItemFactory
from tremplin.observations.factories import ObservationFactory


def url(handover):
    return reverse("handover:detail", args=[handover.public_id])


def test_the_new_referent_reads_each_persons_summary_and_note(client, structure, newcomer, make_pathway):
    handover = HandoverFactory(structure=structure, to_referent=newcomer)
    pathway = make_pathway("Amina", "Diallo")
    HandoverItemFactory(handover=handover, pathway=pathway, note="Dossier logement en attente")
    ObservationFactory(pathway=pathway, needs_social_follow_up=True, visibility=Visibility.WHOLE_TEAM, text="Retards")
    client.force_login(newcomer)
    page = client.get(url(handover)).content.decode()
    assert "Amina Diallo" in page and "Dossier logement en attente" in page and "Retards" in page
    assert "J&#x27;ai pris connaissance" in page or "J'ai pris connaissance" in page
    assert AccessLogEntry.objects.filter(part="handover", person_public_id=pathway.person.public_id).exists()


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, newcomer, make_pathway, count, django_assert_num_queries):
    handover = HandoverFactory(structure=structure, to_referent=newcomer)
    for n in range(count):
        HandoverItemFactory(handover=handover, pathway=make_pathway(f"P{n}", f"N{n}"))
    client.force_login(newcomer)
    with django_assert_num_queries(15):  # the access log takes 3: chain lock, last entry, one insert
        client.get(url(handover))


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.JOB_COACH, Role.ADMIN])
def test_other_roles_are_refused(client, member, structure, role):
    client.force_login(member(role))
    assert client.get(url(HandoverFactory(structure=structure))).status_code == 403


def test_it_refuses_another_structures_handover(client, structure, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(HandoverFactory(structure=structure))).status_code == 404
