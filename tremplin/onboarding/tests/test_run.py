"""The report of an import: problems by line, column, value and rule; confirmation imports, abandoning deletes
the file; the report stays in the structure's history."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.onboarding import services
from tremplin.onboarding.models import RunStatus
from tremplin.people.models import Person

from .helpers import csv_bytes, queued, ready, row

pytestmark = pytest.mark.django_db


def start(structure, world, lines):
    with queued():
        run = services.start(structure, name="reprise.csv", content=csv_bytes(lines), by=world["director"])
    run.refresh_from_db()
    return run


def test_the_problems_are_listed_and_nothing_can_be_confirmed(client, structure):
    world = ready(structure)
    run = start(structure, world, [row(), row(worksite="Nulle part", first_name="Karim")])
    client.force_login(world["director"])

    page = client.get(reverse("onboarding:run", args=[run.public_id])).content.decode()

    assert 'data-label="Ligne">3</td>' in page and "Nulle part" in page and "Aucun chantier actif" in page
    assert 'value="confirm"' not in page


def test_confirming_imports_and_keeps_the_report(client, structure):
    world = ready(structure)
    run = start(structure, world, [row()])
    client.force_login(world["director"])

    with queued():
        response = client.post(reverse("onboarding:run", args=[run.public_id]), {"action": "confirm"})

    assert response.url == reverse("onboarding:run", args=[run.public_id])
    run.refresh_from_db()
    assert run.status == RunStatus.IMPORTED and Person.objects.count() == 1
    page = client.get(response.url).content.decode()
    assert "personnes créées : 1," in page and reverse("people:list") in page


def test_abandoning_deletes_the_file(client, structure):
    world = ready(structure)
    run = start(structure, world, [row()])
    client.force_login(world["director"])

    response = client.post(reverse("onboarding:run", args=[run.public_id]), {"action": "cancel"})

    assert response.url == reverse("onboarding:start")
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED and run.sealed_file is None and not Person.objects.exists()


def test_another_structures_report_is_not_found_and_other_roles_are_refused(client, structure):
    world = ready(structure)
    run = start(structure, world, [row()])
    client.force_login(MembershipFactory(role=Role.DIRECTOR).user)
    assert client.get(reverse("onboarding:run", args=[run.public_id])).status_code == 404
    client.force_login(world["counsellor"])
    assert client.post(reverse("onboarding:run", args=[run.public_id]), {"action": "confirm"}).status_code == 403
    assert not Person.objects.exists()


def test_a_file_being_checked_shows_a_page_that_updates_itself(client, structure):
    world = ready(structure)
    run = services.start(structure, name="reprise.csv", content=csv_bytes([row()]), by=world["director"])
    client.force_login(world["director"])

    page = client.get(reverse("onboarding:run", args=[run.public_id])).content.decode()

    assert "Traitement en cours" in page and 'hx-trigger="every 3s"' in page
    assert 'value="confirm"' not in page and 'value="cancel"' not in page
