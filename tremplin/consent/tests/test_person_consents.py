import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.services import entries_for_person
from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind, HowInformed

pytestmark = pytest.mark.django_db


def url(person):
    return reverse("consent:person", kwargs={"person_id": person.public_id})


def consent_data(**overrides):
    data = {
        "consent-kind": ConsentKind.SHARE_WITH_PRESCRIBER,
        "consent-partner_name": "",
        "consent-scope": "Dates du parcours",
        "consent-given_on": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.DPO])
def test_people_editors_and_the_dpo_see_the_page(client, member, person, role):
    ConsentFactory(person=person, kind=ConsentKind.PUBLIC_BADGE)
    client.force_login(member(role))
    response = client.get(url(person))
    assert response.status_code == 200
    assert "Badge de compétences public" in response.content.decode()
    assert entries_for_person(person).filter(part="consent", action="read").count() == 1


@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_other_roles_are_refused(client, member, person, role):
    client.force_login(member(role))
    assert client.get(url(person)).status_code == 403
    assert client.post(url(person), consent_data()).status_code == 403


def test_a_partner_does_not_learn_the_person_exists(client, member, person):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(person)).status_code == 404


def test_it_refuses_another_structures_person(client, other_structure_member, person):
    client.force_login(other_structure_member)
    assert client.get(url(person)).status_code == 404
    assert client.post(url(person), consent_data()).status_code == 404
    assert not person.consents.exists()


def test_it_records_a_consent(client, member, person):
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    response = client.post(url(person), consent_data())
    assert response.status_code == 302
    consent = person.consents.get()
    assert consent.recorded_by == user
    assert consent.scope == "Dates du parcours"


def test_partner_name_is_required_for_partner_sharing(client, member, person):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(person), consent_data(**{"consent-kind": ConsentKind.SHARE_WITH_PARTNER}))
    assert response.status_code == 200
    assert "Indiquez le nom du partenaire" in response.content.decode()
    assert not person.consents.exists()


def test_a_duplicate_is_refused_with_a_message(client, member, person):
    ConsentFactory(person=person, kind=ConsentKind.SHARE_WITH_PRESCRIBER)
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(url(person), consent_data())
    assert response.status_code == 200
    assert "Un consentement en cours existe déjà" in response.content.decode()
    assert person.consents.count() == 1


def test_a_future_date_is_refused(client, member, person):
    client.force_login(member(Role.COUNSELLOR))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url(person), consent_data(**{"consent-given_on": tomorrow.isoformat()}))
    assert response.status_code == 200
    assert "ne peut pas être dans le futur" in response.content.decode()
    assert not person.consents.exists()


def test_it_records_that_the_person_was_informed(client, member, person):
    user = member(Role.DPO)
    client.force_login(user)
    response = client.post(
        url(person),
        {"inform-informed_on": timezone.localdate().isoformat(), "inform-how": HowInformed.READ_TOGETHER},
    )
    assert response.status_code == 302
    record = person.information_records.get()
    assert record.informed_by == user and record.notice.is_current


def test_get_changes_nothing(client, member, person):
    client.force_login(member(Role.COUNSELLOR))
    client.get(url(person))
    from tremplin.consent.models import InformationNotice

    assert not InformationNotice.objects.exists()
