import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.people.factories import PersonFactory
from tremplin.rights import services
from tremplin.rights.factories import ErasureRequestFactory
from tremplin.rights.models import ErasureStatus, RefusalReason
from tremplin.structures.factories import StructureFactory


def url(erasure):
    return reverse("rights:erasure_decide", kwargs={"public_id": erasure.public_id})


def decide(client, erasure, **data):
    prefix = str(erasure.public_id)
    return client.post(url(erasure), {f"{prefix}-{key}": value for key, value in data.items()})


def test_a_refusal_records_the_legal_reason_and_is_logged(client, member, full_person):
    erasure = ErasureRequestFactory(person=full_person())
    dpo = member(Role.DPO)
    client.force_login(dpo)
    response = decide(client, erasure, decision="refuse", refusal_reason=RefusalReason.ELIGIBILITY_PROOFS)
    assert response.status_code == 302
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.REFUSED
    assert erasure.refusal_reason == RefusalReason.ELIGIBILITY_PROOFS
    assert erasure.decided_by == dpo
    assert AccessLogEntry.objects.filter(
        person_public_id=erasure.person.public_id, part="erasure_request", action="update"
    ).exists()


def test_a_refusal_needs_a_reason_and_other_needs_details(client, member, full_person):
    erasure = ErasureRequestFactory(person=full_person())
    client.force_login(member(Role.DIRECTOR))
    response = decide(client, erasure, decision="refuse")
    assert response.status_code == 200
    assert "Motif du refus : obligatoire" in response.text
    response = decide(client, erasure, decision="refuse", refusal_reason=RefusalReason.OTHER, refusal_detail=" ")
    assert response.status_code == 200
    assert "obligatoires quand le motif est" in response.text
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_accepting_anonymises_when_retention_offers_it_or_else_schedules_it(client, member, full_person):
    person = full_person("Awa", "Diallo")
    erasure = ErasureRequestFactory(person=person)
    client.force_login(member(Role.DIRECTOR))
    response = decide(client, erasure, decision="accept")
    assert response.status_code == 302
    erasure.refresh_from_db()
    if services._anonymiser() is None:
        assert erasure.status == ErasureStatus.ACCEPTED
    else:
        assert erasure.status == ErasureStatus.DONE
        person.refresh_from_db()
        assert "Diallo" not in person.full_name
    assert erasure.decided_at is not None


def test_a_decided_request_cannot_be_decided_again(client, member, full_person):
    erasure = ErasureRequestFactory(person=full_person(), status=ErasureStatus.REFUSED)
    client.force_login(member(Role.DIRECTOR))
    response = decide(client, erasure, decision="accept")
    assert response.status_code == 302
    assert "déjà reçu une réponse" in client.get(response.url).text
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.REFUSED


def test_get_is_not_allowed(client, member, full_person):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(ErasureRequestFactory(person=full_person()))).status_code == 405


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.ADMIN, Role.JOB_COACH])
def test_other_roles_cannot_decide(client, member, full_person, role):
    erasure = ErasureRequestFactory(person=full_person())
    client.force_login(member(role))
    assert decide(client, erasure, decision="accept").status_code == 403
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_it_refuses_another_structures_request(client, member):
    erasure = ErasureRequestFactory(person=PersonFactory(structure=StructureFactory()))
    client.force_login(member(Role.DIRECTOR))
    assert decide(client, erasure, decision="accept").status_code == 404
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_the_rights_page_lists_the_grounds_that_apply(client, member, full_person):
    person = full_person()  # a contract under way and recent proofs
    client.force_login(member(Role.DPO))
    response = client.get(reverse("rights:person", kwargs={"person_id": person.public_id}))
    assert str(RefusalReason.CONTRACT_IN_PROGRESS.label) in response.text
    assert str(RefusalReason.ELIGIBILITY_PROOFS.label)[:30] in response.text


def test_an_active_legal_hold_is_listed_among_the_grounds(full_person):
    import datetime

    from tremplin.retention.models import LegalHold

    person = full_person()
    LegalHold.objects.create(person=person, reason="Contrôle", placed_on=datetime.date.today())
    assert RefusalReason.LEGAL_HOLD in services.refusal_grounds(person)
