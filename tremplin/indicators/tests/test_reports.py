"""Activity reports: made by the direction, the same figures as the page in the PDF, the XLSX and the CSV."""

import csv
import datetime
import io
import re
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tremplin.accounts.roles import Role
from tremplin.exits.models import Outcome
from tremplin.indicators.factories import ReportFactory
from tremplin.indicators.figures import Period
from tremplin.indicators.models import Report
from tremplin.indicators.services import compute, create_report, report_indicators, snapshot
from tremplin.programmes.factories import ProgrammeFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db
d = datetime.date
YEAR = Period(d(2025, 1, 1), d(2025, 12, 31))


@pytest.fixture
def data(structure):
    aci = ProgrammeFactory(structure=structure, name="ACI Jardins")
    for index in range(3):
        pathway = pathway_with_contract(structure, aci, d(2025, 2 + index, 1), d(2025, 11, 30), hours="26")
        add_exit(pathway, d(2025, 9 + index, 15), outcomes={1: Outcome.NEW_JOB})
    pathway_with_contract(structure, aci, d(2024, 9, 1), d(2026, 8, 31), hours="35")
    return aci


def test_a_report_keeps_its_period_and_day_and_recomputing_gives_the_same_numbers(structure, member, data):
    report = create_report(structure, YEAR, by=member(Role.DIRECTOR), today=d(2026, 1, 20))
    assert (report.start, report.end, report.computed_on) == (YEAR.start, YEAR.end, d(2026, 1, 20))
    assert snapshot(report_indicators(report)) == report.figures
    assert report.figures["supported"] == ["4", None]


def test_a_report_computed_mid_period_keeps_its_day(structure, member, data):
    report = create_report(structure, YEAR, by=member(Role.DIRECTOR), today=d(2025, 6, 30))
    assert report.figures["exits"] == ["0", None]
    assert snapshot(report_indicators(report)) == report.figures


def test_the_director_makes_a_report_and_writes_a_comment(client, structure, member, data):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(reverse("indicators:reports"), {"start": "2025-01-01", "end": "2025-12-31"})
    report = Report.objects.get(structure=structure)
    assert response.status_code == 302
    url = reverse("indicators:report", args=[report.public_id])
    response = client.post(url, {"comment_exits": "Trois sorties vers l'emploi, dont une embauche chez un client."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.comments == {"exits": "Trois sorties vers l'emploi, dont une embauche chez un client."}
    assert "une embauche chez un client" in client.get(url).content.decode()


def test_a_too_long_comment_is_refused_on_its_field(client, structure, member):
    report = ReportFactory(structure=structure)
    client.force_login(member(Role.DIRECTOR))
    response = client.post(reverse("indicators:report", args=[report.public_id]), {"comment_exits": "x" * 4001})
    assert response.status_code == 200
    assert response.context["form"].errors["comment_exits"]
    report.refresh_from_db()
    assert report.comments == {}


def test_a_case_manager_reads_reports_but_neither_makes_nor_comments_them(client, structure, member):
    report = ReportFactory(structure=structure)
    client.force_login(member(Role.CASE_MANAGER))
    assert client.get(reverse("indicators:reports")).status_code == 200
    assert client.post(reverse("indicators:reports"), {"start": "2025-01-01", "end": "2025-12-31"}).status_code == 403
    url = reverse("indicators:report", args=[report.public_id])
    assert client.post(url, {"comment_exits": "non"}).status_code == 403


def test_another_structure_s_report_answers_404(client, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(reverse("indicators:report", args=[ReportFactory().public_id])).status_code == 404


def _report(structure, member, client):
    report = create_report(structure, YEAR, by=member(Role.DIRECTOR), today=d(2026, 1, 20))
    client.force_login(member(Role.DIRECTOR))
    page = compute(structure, YEAR, today=d(2026, 1, 20))
    return report, page


def test_the_xlsx_holds_the_page_s_figures_one_sheet_per_table(client, structure, member, data):
    report, page = _report(structure, member, client)
    response = client.get(reverse("indicators:report_xlsx", args=[report.public_id]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    people = {row[0]: row[1] for row in book["Personnes et heures"].iter_rows(min_row=2, values_only=True)}
    assert people["Personnes accompagnées"] == page["supported"].value == 4
    assert Decimal(str(people["Équivalents temps plein"])) == page["fte"].value
    exits = {row[0]: row[1:] for row in book["Sorties"].iter_rows(min_row=2, values_only=True)}
    assert exits["Sorties dynamiques (durable, transition, positive)"] == (3, 100)
    assert len(book.sheetnames) > 8


def test_the_csv_holds_the_page_s_figures(client, structure, member, data):
    report, page = _report(structure, member, client)
    response = client.get(reverse("indicators:report_csv", args=[report.public_id]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Personnes et heures", "Heures travaillées", "Valeur", str(page["hours"].value)] in rows


def test_the_pdf_holds_the_page_s_figures(client, structure, member, data):
    report, page = _report(structure, member, client)
    response = client.get(reverse("indicators:report_pdf", args=[report.public_id]))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True)
    text = re.sub(r"\s+", " ", text.stdout.decode())
    assert "Rapport d'activité" in text and "ACI Jardins" not in text  # all programmes
    assert f"Personnes accompagnées {page['supported'].value}" in text
    assert f"Heures travaillées {page['hours'].value}" in text
    assert "Sorties dynamiques (durable, transition, positive) 3 (100,0 %)" in text
