import json

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


def url(person):
    return reverse("rights:export_json", kwargs={"person_id": person.public_id})


def test_it_downloads_the_json_export_and_logs_it(client, member, full_person):
    person = full_person("Awa", "Diallo")
    full_person("Karim", "Benali")
    dpo = member(Role.DPO)
    client.force_login(dpo)
    response = client.get(url(person))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["last_name"] == "Diallo"
    assert "Benali" not in response.content.decode()
    logged = AccessLogEntry.objects.filter(person_public_id=person.public_id, action="export", part="export")
    assert logged.filter(actor_email=dpo.email).count() == 1


def test_a_second_export_contains_the_first_one_in_its_access_log(client, member, full_person):
    person = full_person()
    client.force_login(member(Role.DIRECTOR))
    client.get(url(person))
    data = json.loads(client.get(url(person)).content)
    assert "export" in [entry["action"] for entry in data["access_log"]]


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN])
def test_other_roles_are_refused_and_nothing_is_logged(client, member, full_person, role):
    person = full_person()
    client.force_login(member(role))
    assert client.get(url(person)).status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(person_public_id=person.public_id, action="export").exists()


def test_it_refuses_another_structures_person(client, member):
    other = PersonFactory(structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(other)).status_code == 404


def test_post_is_not_allowed(client, member, full_person):
    client.force_login(member(Role.DIRECTOR))
    assert client.post(url(full_person())).status_code == 405
