import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.people.factories import PersonFactory
from tremplin.rights.factories import ErasureRequestFactory
from tremplin.structures.factories import StructureFactory


def url(person):
    return reverse("rights:person", kwargs={"person_id": person.public_id})


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_director_and_dpo_see_the_rights_page(client, member, full_person, role):
    person = full_person()
    ErasureRequestFactory(person=person, note="Merci d'effacer")
    client.force_login(member(role))
    response = client.get(url(person))
    assert response.status_code == 200
    assert reverse("rights:export_json", kwargs={"person_id": person.public_id}) in response.text
    assert reverse("rights:export_pdf", kwargs={"person_id": person.public_id}) in response.text
    assert "Merci d&#x27;effacer" in response.text


def test_the_rectify_link_is_shown_to_who_may_edit(client, member, full_person):
    person = full_person()
    edit = reverse("people:edit", kwargs={"public_id": person.public_id})
    client.force_login(member(Role.DIRECTOR))
    assert edit in client.get(url(person)).text
    client.force_login(member(Role.DPO))
    assert edit not in client.get(url(person)).text


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.ADMIN, Role.JOB_COACH])
def test_other_roles_are_refused(client, member, full_person, role):
    client.force_login(member(role))
    assert client.get(url(full_person())).status_code == 403


def test_a_partner_does_not_learn_the_person_exists(client, member, full_person):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(full_person())).status_code == 404


def test_it_refuses_another_structures_person(client, member):
    other = PersonFactory(structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(other)).status_code == 404


def test_the_person_page_links_to_the_rights_page_for_the_dpo_only(client, member, full_person):
    person = full_person()
    detail = reverse("people:detail", kwargs={"public_id": person.public_id})
    client.force_login(member(Role.DPO))
    assert url(person) in client.get(detail).text
    client.force_login(member(Role.COUNSELLOR))
    assert url(person) not in client.get(detail).text


def test_the_page_makes_the_same_number_of_queries_whatever_the_number_of_requests(client, member, full_person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = full_person()
    client.force_login(member(Role.DPO))
    ErasureRequestFactory(person=person)
    with CaptureQueriesContext(connection) as one:
        client.get(url(person))
    ErasureRequestFactory.create_batch(4, person=person)
    with CaptureQueriesContext(connection) as five:
        client.get(url(person))
    assert len(five) == len(one)
