"""The templates to download: French headers, two example lines, an explanation sheet; the template itself imports."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.onboarding import services
from tremplin.onboarding.models import RunStatus

from .helpers import HEADERS, queued, ready

pytestmark = pytest.mark.django_db


def test_the_xlsx_template_has_the_columns_examples_and_explanations(client, structure):
    world = ready(structure)
    client.force_login(world["director"])

    response = client.get(reverse("onboarding:template_xlsx"))

    assert response["Content-Disposition"] == 'attachment; filename="modele-reprise.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    people, explanations = workbook.worksheets
    assert [cell.value for cell in people[1]] == HEADERS and people.max_row == 3
    assert [explanations.cell(row=2, column=n).value for n in (1, 2)] == ["Nom", "Oui"]


def test_the_csv_template_opens_in_a_french_spreadsheet(client, structure):
    world = ready(structure)
    client.force_login(world["director"])

    content = client.get(reverse("onboarding:template_csv")).content

    assert content.startswith(b"\xef\xbb\xbf" + "Nom;Prénom;".encode())
    assert content.count(b"\r\n") == 3


@pytest.mark.parametrize("name", ["onboarding:template_xlsx", "onboarding:template_csv"])
def test_the_template_examples_import_cleanly(client, structure, name):
    world = ready(structure)
    client.force_login(world["director"])
    content = client.get(reverse(name)).content

    with queued():
        run = services.start(structure, name="modele", content=content, by=world["director"])
    run.refresh_from_db()

    assert run.status == RunStatus.CHECKED, run.problems
    assert run.counts["people_created"] == 2 and run.counts["contracts_created"] == 1


def test_the_templates_are_for_the_direction(client, structure):
    client.force_login(MembershipFactory(structure=structure, role=Role.ADMIN).user)
    assert client.get(reverse("onboarding:template_xlsx")).status_code == 403
