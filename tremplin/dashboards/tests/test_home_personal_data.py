"""The data protection officer's home: rights requests to answer, retention due, the access log; and the menu
entries to rights and retention, shown by capability."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role, role_can
from tremplin.pathways.models import Pathway, Status
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.rights.factories import ErasureRequestFactory

from .helpers import TODAY, pathway

pytestmark = pytest.mark.django_db

HOME = reverse("dashboards:home")
PERSONAL_DATA = reverse("dashboards:personal_data")
RETENTION_PLAN = reverse("retention:plan")


def closed_long_ago(structure, last_name: str) -> Person:
    """A person whose only pathway closed three years ago: past the 24 months of an active file."""
    person = PersonFactory(structure=structure, first_name="Louise", last_name=last_name)
    closed = pathway(structure, Status.CLOSED, person=person)
    long_ago = timezone.now() - datetime.timedelta(days=3 * 365)
    Pathway.objects.filter(pk=closed.pk).update(status_changed_at=long_ago, created_at=long_ago)
    Person.objects.filter(pk=person.pk).update(created_at=long_ago)
    return person


def nav_of(content: str) -> str:
    return re.search(r'<nav aria-label="Navigation principale">(.*?)</nav>', content, re.S).group(1)


def test_the_dpo_lands_on_requests_retention_and_the_access_log(client, structure, member):
    dpo = member(Role.DPO)
    waiting = ErasureRequestFactory(
        person=PersonFactory(structure=structure, first_name="Karim", last_name="Benali"),
        received_on=TODAY - datetime.timedelta(days=40),
    )
    closed_long_ago(structure, "Moreau")
    client.force_login(dpo)
    response = client.get(HOME)
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "dashboards/home_personal_data.html"
    content = response.content.decode()
    rights_page = reverse("rights:person", args=[waiting.person.public_id])
    assert f'<a href="{rights_page}">Décider de la demande de Karim Benali</a>' in content
    assert "1 demande a dépassé son délai de réponse." in content
    assert "délai dépassé" in content
    assert "1 dossier est conservé au-delà de sa durée : la purge de nuit ne l'a pas traité." in content
    assert "Louise Moreau" in content
    for link in (RETENTION_PLAN, reverse("retention:settings"), reverse("audit:log")):
        assert f'href="{link}"' in content
    assert f'action="{reverse("audit:verify")}"' in content


def test_a_request_of_another_structure_is_not_shown(client, structure, member):
    ErasureRequestFactory(person=PersonFactory(first_name="Yasmine", last_name="Haddad"))
    client.force_login(member(Role.DPO))
    content = client.get(HOME).content.decode()
    assert "Haddad" not in content
    assert "Aucune demande en attente." in content


@pytest.mark.parametrize("role", list(Role))
def test_the_menu_leads_to_rights_and_retention_only_for_roles_managing_personal_data(client, member, role):
    client.force_login(member(role))
    nav = nav_of(client.get(HOME).content.decode())
    shown = f'href="{PERSONAL_DATA}"' in nav and f'href="{RETENTION_PLAN}"' in nav
    assert shown == role_can(role, "manage_personal_data")
    if not shown:
        assert PERSONAL_DATA not in nav and RETENTION_PLAN not in nav


def test_a_director_reaches_the_personal_data_page_from_the_menu(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(PERSONAL_DATA)
    assert response.status_code == 200
    assert "Demandes des personnes à traiter" in response.content.decode()
