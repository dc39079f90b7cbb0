"""Files as people's spreadsheets make them: encodings, semicolons, merged cells, formulas, three date formats,
too large, not a spreadsheet at all. Each has its message."""

import datetime

import pytest

from tremplin.core.tables import TableError
from tremplin.onboarding import reading, services
from tremplin.onboarding.models import RunStatus
from tremplin.people.models import Person

from .helpers import HEADERS, cells, csv_bytes, queued, ready, row, xlsx_bytes

pytestmark = pytest.mark.django_db


def start(structure, world, content: bytes, name="reprise.csv"):
    with queued():
        run = services.start(structure, name=name, content=content, by=world["director"])
    run.refresh_from_db()
    return run


@pytest.mark.parametrize(
    ("encoding", "note"),
    [
        ("utf-8", ""),
        ("utf-8-sig", ""),
        ("cp1252", "Encodage détecté : Windows-1252 (et non UTF-8) ; les accents ont été lus dans cet encodage."),
        ("utf-16", "Encodage détecté : UTF-16 (et non UTF-8) ; les accents ont été lus dans cet encodage."),
    ],
)
def test_the_encoding_is_detected_and_accents_survive(structure, encoding, note):
    world = ready(structure)
    run = start(structure, world, csv_bytes([row(first_name="Léïla", city="Besançon")], encoding=encoding))
    services.confirm(run, by=world["director"])

    assert run.notes == ([note] if note else [])
    person = Person.objects.get()
    assert (person.first_name, person.city) == ("Léïla", "Besançon")


def test_a_latin1_byte_that_windows_1252_lacks_is_read_as_latin1():
    text, encoding = reading.decode("Nom;Prénom\n\x81x;é\n".encode("latin-1"))
    assert encoding == "ISO-8859-1 (Latin-1)" and "é" in text


def test_commas_work_as_well_as_semicolons(structure):
    world = ready(structure)
    run = start(structure, world, csv_bytes([row()], delimiter=","))
    assert run.status == RunStatus.CHECKED


def test_an_xlsx_with_date_and_number_cells_is_read(structure):
    world = ready(structure)
    start_date = datetime.date.today() - datetime.timedelta(days=20)
    line = row(
        birth_date=datetime.datetime(1990, 2, 14),
        status="En contrat",
        start_date=start_date,
        planned_end_date=(start_date - datetime.date(1899, 12, 30)).days + 200,  # an Excel serial number
        weekly_hours=26.0,
        position="Maraîcher",
        postcode=69008,
    )
    run = start(structure, world, xlsx_bytes([cells(line)]), name="reprise.xlsx")
    assert run.problems == []
    services.confirm(run, by=world["director"])

    person = Person.objects.get()
    assert person.birth_date == datetime.date(1990, 2, 14) and person.postcode == "69008"
    contract = person.pathways.get().contracts.get()
    assert contract.planned_end_date == start_date + datetime.timedelta(days=200) and contract.weekly_hours == 26


def test_merged_cells_are_refused_with_their_reference(structure):
    world = ready(structure)
    content = xlsx_bytes([cells(row()), cells(row(first_name="Karim"))], merge="I2:I3")

    with pytest.raises(TableError) as refused:
        start(structure, world, content, name="reprise.xlsx")
    assert "cellules fusionnées (I2:I3)" in str(refused.value)


def test_formulas_are_refused_not_evaluated(structure):
    world = ready(structure)
    content = xlsx_bytes([cells(row(birth_date="=DATE(1990,2,14)"))])

    run = start(structure, world, content, name="reprise.xlsx")

    assert run.status == RunStatus.REFUSED
    assert [(p["row"], p["column"], p["value"]) for p in run.problems] == [(2, "Date de naissance", "=DATE(1990,2,14)")]
    assert "Collage spécial > Valeurs" in run.problems[0]["message"]


def test_a_too_large_file_is_refused_before_it_is_read(structure):
    world = ready(structure)
    content = csv_bytes([row()]) + b"x" * reading.LIMITS.file_bytes

    with pytest.raises(TableError, match="Le fichier dépasse 8 Mo"):
        start(structure, world, content)


def test_too_many_lines_are_refused(structure):
    world = ready(structure)
    content = csv_bytes([row(first_name=f"P{n}") for n in range(reading.MAX_ROWS + 1)])

    with pytest.raises(TableError, match="plus de 10000 lignes"):
        start(structure, world, content)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n\x00\x01\x02binary", "ni un classeur XLSX ni un fichier CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97-2003 (.xls)"),
        (b"PK\x03\x04 not really a zip", "pas un classeur XLSX lisible"),
        (b"Bonjour voici la liste.\nMerci\n", "n'a pas l'air d'un tableau"),
        (b"", "Ce fichier est vide."),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(structure, content, message):
    world = ready(structure)
    with pytest.raises(TableError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        start(structure, world, content)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/03/2024", datetime.date(2024, 3, 5)),
        ("5/3/2024", datetime.date(2024, 3, 5)),
        ("2024-03-05", datetime.date(2024, 3, 5)),
        ("2024-03-05T00:00:00", datetime.date(2024, 3, 5)),
        (45356, datetime.date(2024, 3, 5)),
        ("45356", datetime.date(2024, 3, 5)),
        (datetime.datetime(2024, 3, 5, 14, 30), datetime.date(2024, 3, 5)),
        ("", None),
    ],
)
def test_dates_read(value, expected):
    assert reading.parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024/03/05", "05-03-2024", "99999999", "1", "mars 2024", "30/02/2024"])
def test_dates_refused(value):
    with pytest.raises(ValueError):
        reading.parse_date(value)


def test_the_headers_of_a_csv_are_the_first_non_empty_line():
    sheet = reading.read(b"\r\n;;\r\n" + csv_bytes([row()]))
    assert sheet.headers == HEADERS and len(sheet.rows) == 1
