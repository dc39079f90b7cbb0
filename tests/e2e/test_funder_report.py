"""A director opens last year's indicators, follows a figure to its people, then makes the yearly report and
downloads its PDF and its XLSX: the same figures as the page."""

import datetime
import io
import subprocess

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.indicators.tests.builders import add_exit, pathway_with_contract
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_director_reads_the_year_s_indicators_their_people_and_the_report(page, french_aci):
    year = datetime.date.today().year - 1
    structure, programme = french_aci.structure, french_aci.programme
    lucas = PersonFactory(structure=structure, first_name="Lucas", last_name="Moreau")
    hired = pathway_with_contract(
        structure, programme, datetime.date(year, 2, 1), datetime.date(year, 9, 30), person=lucas
    )
    add_exit(hired, datetime.date(year, 9, 30))
    pathway_with_contract(structure, programme, datetime.date(year - 1, 10, 1), datetime.date(year + 1, 3, 31))

    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    page.goto(f"/indicateurs/?start={year}-01-01&end={year}-12-31")
    expect(page.get_by_role("heading", level=1)).to_have_text("Indicateurs — ACI Les Jardins du Nord")
    dynamic = page.locator("#figure-exits_dynamic")
    expect(dynamic).to_contain_text("1 (100,0 %)")
    dynamic.get_by_text("Définition").click()
    expect(dynamic).to_contain_text("sorties dynamiques")
    expect(page.get_by_role("img", name="Sorties comptabilisées par type et par mois")).to_be_visible()
    assert_accessible(page)

    page.locator("#figure-hired").get_by_role("link", name="Voir les personnes : Personnes embauchées").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Personnes embauchées")
    expect(page.get_by_role("link", name="Lucas Moreau")).to_be_visible()

    page.goto("/indicateurs/rapports/")
    field(page, "Du").fill(f"{year}-01-01")
    field(page, "au").fill(f"{year}-12-31")
    page.get_by_role("button", name="Établir le rapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapport d'activité — ACI Les Jardins du Nord")

    # WeasyPrint takes a few seconds for seven pages of tables and charts.
    with page.expect_download(timeout=60_000) as pdf_download:
        page.get_by_role("link", name="Télécharger le PDF").click(timeout=60_000)
    text = subprocess.run(
        ["pdftotext", "-layout", pdf_download.value.path(), "-"], capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(text.split())
    assert "Personnes accompagnées 2" in text
    assert "Sorties dynamiques (durable, transition, positive) 1 (100,0 %)" in text

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Télécharger le classeur XLSX").click()
    book = load_workbook(io.BytesIO(open(xlsx_download.value.path(), "rb").read()))
    people = {row[0]: row[1] for row in book["Personnes et heures"].iter_rows(min_row=2, values_only=True)}
    assert people["Personnes accompagnées"] == 2
    assert people["Personnes embauchées"] == 1
