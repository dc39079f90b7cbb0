import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.consent.factories import ConsentFactory, PersonInformedFactory
from tremplin.consent.models import ConsentKind

pytestmark = pytest.mark.django_db


def test_the_person_page_shows_information_and_active_consents_only(client, member, person):
    PersonInformedFactory(person=person, notice__version="3")
    ConsentFactory(person=person, kind=ConsentKind.SHARE_WITH_PARTNER, partner_name="Atelier Vélo")
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(reverse("people:detail", kwargs={"public_id": person.public_id})).content.decode()
    assert "notice version 3" in content
    assert "Atelier Vélo" in content
    assert reverse("consent:person", kwargs={"person_id": person.public_id}) in content


def test_withdrawn_consents_are_not_listed_on_the_person_page(client, member, person):
    import datetime

    ConsentFactory(
        person=person,
        kind=ConsentKind.SHARE_WITH_PARTNER,
        partner_name="Ancien partenaire",
        withdrawn_on=datetime.date.today(),
    )
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(reverse("people:detail", kwargs={"public_id": person.public_id})).content.decode()
    assert "Ancien partenaire" not in content
    assert "Pas encore informé·e" in content
    assert "rien n&#x27;est partagé" in content or "rien n'est partagé" in content


def test_a_job_coach_sees_the_section_without_the_management_link(client, member, person):
    client.force_login(member(Role.JOB_COACH))
    content = client.get(reverse("people:detail", kwargs={"public_id": person.public_id})).content.decode()
    assert "Information et consentements" in content
    assert reverse("consent:person", kwargs={"person_id": person.public_id}) not in content
