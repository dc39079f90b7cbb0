"""The direction takes over people from a spreadsheet: a file with errors is refused with the list (line,
column, value, rule) and nothing is created; the corrected file is accepted and the people are on the list."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.onboarding import columns
from tremplin.people.models import Person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER = ";".join(column.header for column in columns.COLUMNS)
KEYS = [column.key for column in columns.COLUMNS]


def csv(*lines: dict) -> dict:
    text = [HEADER] + [";".join(line.get(key, "") for key in KEYS) for line in lines]
    return {"name": "equipe.csv", "mimeType": "text/csv", "buffer": ("\r\n".join(text) + "\r\n").encode("utf-8")}


def test_a_spreadsheet_with_errors_is_refused_then_accepted_once_fixed(page, french_aci):
    awa = {"last_name": "Diallo", "first_name": "Awa", "birth_date": "14/02/1990", "programme": "ACI"}
    karim = {
        "last_name": "Benhamou",
        "first_name": "Karim",
        "birth_date": "1985-07-30",
        "programme": "ACI",
        "referent": "claire.martin@example.org",
        "worksite": "Jardin des Plantes",
    }
    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    page.goto(reverse("people:list"))
    page.get_by_role("link", name="Reprendre depuis un tableur").click()

    page.get_by_label("Fichier à reprendre (XLSX ou CSV)").set_input_files(csv(awa, karim, awa))
    page.get_by_role("button", name="Vérifier le fichier").click()

    problems = page.get_by_role("table", name="Problèmes trouvés, ligne par ligne")
    expect(problems.get_by_role("row")).to_have_count(3)  # the header and two problems
    expect(problems.get_by_role("row").nth(1).get_by_role("cell")).to_have_text(
        [
            "3",
            "Chantier",
            "Jardin des Plantes",
            "Aucun chantier actif de la structure ne porte ce nom : Jardin de la Lys.",
        ]
    )
    expect(problems.get_by_role("row").nth(2).get_by_role("cell")).to_have_text(
        [
            "4",
            "Nom",
            "Diallo",
            "Cette personne figure déjà à la ligne 2 du fichier (même nom, prénom et date de naissance) : "
            "une seule ligne par personne.",
        ]
    )
    expect(page.get_by_role("button", name="Confirmer l'import")).to_have_count(0)
    assert_accessible(page)
    assert not Person.objects.exists()

    page.get_by_role("link", name="Envoyer un autre fichier").click()
    page.get_by_label("Fichier à reprendre (XLSX ou CSV)").set_input_files(
        csv(awa, {**karim, "worksite": "jardin de la lys"})
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.locator(".import-summary")).to_contain_text("personnes créées : 2,")
    page.get_by_role("button", name="Confirmer l'import").click()

    expect(page.locator(".import-status")).to_contain_text("Importé")
    page.get_by_role("link", name="Voir les personnes accompagnées").click()
    people = page.get_by_role("table", name="Parcours de la structure")
    expect(people).to_contain_text("Diallo Awa")
    expect(people).to_contain_text("Benhamou Karim")
