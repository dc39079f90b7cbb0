"""The shared table reader refuses, with a message, every file that would make it build more than its limits."""

import tracemalloc

import pytest

from tremplin.core import tables
from tremplin.core.tests.tables import sheet_xml, workbook

SMALL = tables.Limits(rows=5, columns=4, cell_chars=20, file_bytes=100_000, unpacked_bytes=200_000)
HEADER = ["code", "intitule"]


def refused(read, content: bytes, limits: tables.Limits = SMALL) -> str:
    with pytest.raises(tables.TableError) as caught:
        read(content, limits)
    return str(caught.value)


def test_a_small_workbook_declaring_200000_rows_is_refused_from_its_dimension_without_building_rows():
    content = workbook(sheet_xml([HEADER, ["A1203", "Jardinier"]], dimension="A1:ZZ200000"))
    assert len(content) < 5000
    limits = tables.Limits(rows=2000)

    tracemalloc.start()
    try:
        message = refused(tables.read_xlsx, content, limits)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert "200000 lignes et 702 colonnes (A1:ZZ200000)" in message
    assert "au plus 2001 lignes" in message
    # Building the declared rows costs hundreds of megabytes; refusing from the dimension, almost nothing.
    assert peak < 20 * 1024 * 1024


def test_a_workbook_whose_dimension_lies_stops_at_the_first_row_past_the_limit():
    rows = [HEADER] + [["A1203", f"Poste {n}"] for n in range(50)]
    message = refused(tables.read_xlsx, workbook(sheet_xml(rows, dimension="A1:B2")))
    assert message.startswith("Le fichier a plus de 5 lignes (limite 5)")


def test_a_workbook_without_dimension_is_capped_in_rows_and_columns():
    rows = [HEADER] + [["A1203", f"Poste {n}"] for n in range(6)]
    assert "plus de 5 lignes (limite 5)" in refused(tables.read_xlsx, workbook(sheet_xml(rows)))
    wide = [HEADER, ["a", "b", "c", "d", "e"]]
    assert "La ligne 2 a plus de 4 colonnes (limite 4)" in refused(tables.read_xlsx, workbook(sheet_xml(wide)))


def test_a_workbook_within_the_limits_is_read_whole():
    rows = [HEADER] + [["A1203", f"Poste {n}"] for n in range(5)]
    assert tables.read_xlsx(workbook(sheet_xml(rows, dimension="A1:B6")), SMALL) == rows


def test_a_zip_bomb_is_refused_from_the_central_directory_before_anything_is_inflated():
    content = workbook(sheet_xml([HEADER], padding=5_000_000))
    assert len(content) < 100_000
    assert "Une fois décompressé, le classeur dépasse" in refused(tables.read_xlsx, content)


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message():
    for content in (b"not a zip", b"PK\x03\x04" + b"\x00" * 100, workbook("<worksheet>")[:200]):
        assert refused(tables.read_xlsx, content) == "Ce fichier n'est pas un classeur XLSX lisible."
    damaged = workbook("<not-a-worksheet")
    assert refused(tables.read_xlsx, damaged) == "Ce fichier n'est pas un classeur XLSX lisible."


def test_a_long_cell_is_refused_with_its_row_and_column():
    rows = [HEADER, ["A1203", "x" * 21]]
    assert "Ligne 2, colonne 2 : la cellule dépasse 20 caractères" in refused(
        tables.read_xlsx, workbook(sheet_xml(rows))
    )
    assert "20 caractères" in refused(tables.read_csv, ("code,intitule\nA1203," + "x" * 500 + "\n").encode())


def test_a_csv_with_too_many_rows_or_columns_is_refused():
    many = "code,intitule\n" + "A1203,Jardinier\n" * 6
    assert "plus de 5 lignes (limite 5)" in refused(tables.read_csv, many.encode())
    wide = "code,intitule\na,b,c,d,e\n"
    assert "La ligne 2 a plus de 4 colonnes (limite 4)" in refused(tables.read_csv, wide.encode())
    assert tables.read_csv(("code,intitule\n" + "A1203,Jardinier\n" * 5).encode(), SMALL)[-1] == ["A1203", "Jardinier"]


def test_a_csv_larger_than_its_limit_is_refused_before_being_decoded():
    content = b"code,intitule\n" + b"\xff" * 100_001
    assert "Le fichier dépasse" in refused(tables.read_csv, content)
