from django.urls import reverse

from tremplin.handover.factories import HandoverFactory


def url(handover):
    return reverse("handover:acknowledge", args=[handover.public_id])


def test_the_new_referent_acknowledges(client, structure, newcomer):
    handover = HandoverFactory(structure=structure, to_referent=newcomer)
    client.force_login(newcomer)
    assert client.post(url(handover)).status_code == 302
    handover.refresh_from_db()
    assert handover.acknowledged_by == newcomer


def test_a_colleague_cannot_acknowledge_for_them(client, structure, newcomer, director):
    handover = HandoverFactory(structure=structure, to_referent=newcomer)
    client.force_login(director)
    assert client.post(url(handover)).status_code == 403
    handover.refresh_from_db()
    assert handover.acknowledged_at is None


def test_get_is_not_allowed(client, structure, newcomer):
    client.force_login(newcomer)
    assert client.get(url(HandoverFactory(structure=structure, to_referent=newcomer))).status_code == 405


def test_it_refuses_another_structures_handover(client, structure, other_structure_director):
    client.force_login(other_structure_director)
    assert client.post(url(HandoverFactory(structure=structure))).status_code == 404
