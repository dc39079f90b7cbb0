from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.les_emplois import services
from tremplin.les_emplois.models import Outcome
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person


def _waiting(french_structure, programme, make_client):
    known = PersonFactory(structure=french_structure, first_name="Autre", last_name="Nom", phone="0600000005")
    run = services.pull(french_structure, make_client())
    return known, run.records.get(outcome=Outcome.TO_LINK)


def test_staff_link_a_hire_to_the_person_already_known(client, member, french_structure, programme, make_client):
    known, record = _waiting(french_structure, programme, make_client)
    client.force_login(member(Role.COUNSELLOR))
    assert known.full_name in client.get(reverse("les_emplois:to_link")).content.decode()
    client.post(reverse("les_emplois:resolve", args=[record.public_id]), {"choice": "link"})
    assert known.pathways.get().pass_iae_number == record.pass_iae
    record.refresh_from_db()
    assert record.resolved_at and record.payload == {}
    assert "Aucune embauche en attente" in client.get(reverse("les_emplois:to_link")).content.decode()


def test_staff_create_a_new_person_instead(client, member, french_structure, programme, make_client):
    known, record = _waiting(french_structure, programme, make_client)
    client.force_login(member(Role.COUNSELLOR))
    client.post(reverse("les_emplois:resolve", args=[record.public_id]), {"choice": "create"})
    assert Person.objects.filter(pathways__pass_iae_number=record.pass_iae).exclude(pk=known.pk).exists()
    response = client.post(reverse("les_emplois:resolve", args=[record.public_id]), {"choice": "create"}, follow=True)
    assert "déjà été traitée" in response.content.decode()


def test_the_list_reads_in_a_bounded_number_of_queries(
    client, member, french_structure, programme, make_client, django_assert_max_num_queries
):
    _waiting(french_structure, programme, make_client)
    client.force_login(member(Role.COUNSELLOR))
    with django_assert_max_num_queries(12):
        client.get(reverse("les_emplois:to_link"))
