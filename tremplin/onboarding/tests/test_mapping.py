"""The column mapping: each header of the file offered with its guess; a missing required column or a column
chosen twice is refused with its name; nothing of the file's content is kept in the choice."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.onboarding import services
from tremplin.onboarding.models import RunStatus

from .helpers import csv_bytes, queued, ready, row

pytestmark = pytest.mark.django_db
HEADERS = ["NOM", "Prénom", "Mesure", "Remarque"]


@pytest.fixture
def waiting(structure):
    world = ready(structure)
    run = services.start(structure, name="x.csv", content=csv_bytes([row()], headers=HEADERS), by=world["director"])
    return world, run


def test_each_header_is_offered_with_its_guess(client, waiting):
    world, run = waiting
    client.force_login(world["director"])

    page = client.get(reverse("onboarding:mapping", args=[run.public_id])).content.decode()

    assert '<option value="programme" selected>Dispositif</option>' in page
    assert "Remarque" in page


def test_choosing_the_columns_runs_the_dry_run(client, waiting):
    world, run = waiting
    client.force_login(world["director"])
    data = {"column_0": "last_name", "column_1": "first_name", "column_2": "programme", "column_3": ""}

    with queued():
        response = client.post(reverse("onboarding:mapping", args=[run.public_id]), data)

    assert response.url == reverse("onboarding:run", args=[run.public_id])
    run.refresh_from_db()
    assert run.status == RunStatus.CHECKED and run.mapping == {"0": "last_name", "1": "first_name", "2": "programme"}


def test_a_missing_required_column_is_named(client, waiting):
    world, run = waiting
    client.force_login(world["director"])
    data = {"column_0": "last_name", "column_1": "last_name", "column_2": "", "column_3": ""}

    response = client.post(reverse("onboarding:mapping", args=[run.public_id]), data)

    page = response.content.decode()
    assert "Colonnes obligatoires sans correspondance : Prénom, Dispositif." in page
    assert "La colonne « Nom » est déjà choisie pour « NOM »." in page


def test_another_structures_import_is_not_found(client, waiting):
    _world, run = waiting
    client.force_login(MembershipFactory(role=Role.DIRECTOR).user)
    assert client.get(reverse("onboarding:mapping", args=[run.public_id])).status_code == 404
