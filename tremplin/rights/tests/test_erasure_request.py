import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.people.factories import PersonFactory
from tremplin.rights.models import ErasureRequest, ErasureStatus
from tremplin.structures.factories import StructureFactory


def url(person):
    return reverse("rights:erasure_request", kwargs={"person_id": person.public_id})


def payload(**overrides):
    data = {"received_on": datetime.date.today().isoformat(), "channel": "letter", "note": "Par courrier recommandé"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_it_records_a_pending_request_and_logs_it(client, member, full_person, role):
    person = full_person()
    user = member(role)
    client.force_login(user)
    response = client.post(url(person), payload())
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get(person=person)
    assert erasure.status == ErasureStatus.PENDING
    assert erasure.structure == person.structure
    assert erasure.recorded_by == user
    assert AccessLogEntry.objects.filter(
        person_public_id=person.public_id, part="erasure_request", action="create"
    ).exists()


def test_a_date_in_the_future_is_refused_with_a_message_on_the_field(client, member, full_person):
    person = full_person()
    client.force_login(member(Role.DPO))
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url(person), payload(received_on=tomorrow))
    assert response.status_code == 200
    assert "ne peut pas être dans le futur" in response.text
    assert not ErasureRequest.objects.exists()


def test_a_missing_channel_is_refused(client, member, full_person):
    client.force_login(member(Role.DPO))
    response = client.post(url(full_person()), payload(channel=""))
    assert response.status_code == 200
    assert not ErasureRequest.objects.exists()


def test_get_is_not_allowed(client, member, full_person):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(full_person())).status_code == 405


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.ADMIN])
def test_other_roles_cannot_record_a_request(client, member, full_person, role):
    client.force_login(member(role))
    assert client.post(url(full_person()), payload()).status_code == 403
    assert not ErasureRequest.objects.exists()


def test_it_refuses_another_structures_person(client, member):
    other = PersonFactory(structure=StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.post(url(other), payload()).status_code == 404
    assert not ErasureRequest.objects.exists()
