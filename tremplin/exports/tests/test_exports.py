"""Exports of the people list and the caseload: the rows the list shows, its filters, formulas neutralised,
one access-log entry per person exported."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry, Action
from tremplin.exports.writers import safe
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory


@pytest.fixture
def team(db):
    structure = StructureFactory()
    counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    supervisor = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    worksite = WorksiteFactory(structure=structure)
    mine = PathwayFactory(
        person=PersonFactory(structure=structure, last_name='=HYPERLINK("http://x")', first_name="Awa"),
        referent=counsellor,
        supervisor=supervisor,
        worksite=worksite,
        status=Status.IN_CONTRACT,
    )
    other = PathwayFactory(
        person=PersonFactory(structure=structure, last_name="Martin", first_name="Hugo"),
        programme=mine.programme,
        status=Status.CANDIDATE,
    )
    PathwayFactory(person__last_name="Ailleurs")  # another structure
    return {"structure": structure, "counsellor": counsellor, "supervisor": supervisor, "mine": mine, "other": other}


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_people_list_as_csv_with_formulas_neutralised(client, team):
    client.force_login(team["counsellor"])
    response = client.get("/exports/personnes/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["Nom", "Prénom", "Statut"]
    assert sorted(row[0] for row in rows[1:]) == ['\'=HYPERLINK("http://x")', "Martin"]


def test_the_filters_of_the_list_apply(client, team):
    client.force_login(team["counsellor"])
    rows = _csv(client.get("/exports/personnes/?format=csv&status=candidate"))
    assert [row[0] for row in rows[1:]] == ["Martin"]
    rows = _csv(client.get("/exports/personnes/?format=csv&q=hugo"))
    assert [row[0] for row in rows[1:]] == ["Martin"]


def test_bad_filters_send_back_to_the_list(client, team):
    client.force_login(team["counsellor"])
    response = client.get("/exports/personnes/?format=csv&status=nope")
    assert response.status_code == 302
    assert response.url.startswith("/personnes/?status=nope")
    assert not AccessLogEntry.objects.filter(action=Action.EXPORT).exists()


def test_a_supervisor_exports_their_team_only(client, team):
    client.force_login(team["supervisor"])
    rows = _csv(client.get("/exports/personnes/?format=csv"))
    assert [row[1] for row in rows[1:]] == ["Awa"]


def test_the_caseload_as_xlsx(client, team):
    client.force_login(team["counsellor"])
    response = client.get("/exports/ma-file-active/?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Nom"
    assert [row[0] for row in values[1:]] == ['\'=HYPERLINK("http://x")']
    assert all(
        not isinstance(cell.value, str) or not cell.value.startswith("=") for row in sheet.iter_rows() for cell in row
    )


def test_each_export_logs_the_people_in_the_file(client, team):
    client.force_login(team["counsellor"])
    client.get("/exports/personnes/?format=xlsx")
    entries = AccessLogEntry.objects.filter(action=Action.EXPORT, part="people_list_export")
    assert {str(e.person_public_id) for e in entries} == {
        str(team["mine"].person.public_id),
        str(team["other"].person.public_id),
    }
    assert {e.actor_id for e in entries} == {team["counsellor"].pk}


def test_an_export_reads_in_a_fixed_number_of_queries(client, team, django_assert_max_num_queries):
    client.force_login(team["counsellor"])
    client.get("/exports/personnes/?format=csv")
    for _ in range(10):
        PathwayFactory(person__structure=team["structure"], programme=team["mine"].programme)
    with django_assert_max_num_queries(16):
        assert client.get("/exports/personnes/?format=csv").status_code == 200


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("Awa", "Awa"), (3, 3)],
)
def test_cells_that_would_be_formulas_are_prefixed(value, written):
    assert safe(value) == written
