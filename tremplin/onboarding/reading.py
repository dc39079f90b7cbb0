"""Reading an onboarding file: which kind it is, its encoding, its cells; what a cell means as a date.

The limits (size, zip inflation, declared dimensions, rows, columns, cell length) are `core.tables`'; what is
added here is what people's own spreadsheets bring: a CSV saved by Excel in Windows-1252 or with semicolons,
merged cells, formulas, and dates written three ways (decision 0017).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tremplin.core import tables
from tremplin.core.tables import TableError

MAX_ROWS = 10_000
LIMITS = tables.Limits(
    rows=MAX_ROWS, columns=40, cell_chars=2000, file_bytes=8 * tables.MEGABYTE, unpacked_bytes=60 * tables.MEGABYTE
)
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Excel serial numbers of 01/01/1900 and 31/12/2099: a number outside is not a date.
SERIAL_RANGE = (2, 73415)
DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+)?$")
SERIAL = re.compile(r"^\d{1,5}(?:[.,]\d+)?$")


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list]  # data rows; row i is the file's line i + 2
    kind: str  # "csv" or "xlsx"
    encoding: str = ""
    notes: list[str] = field(default_factory=list)


def read(content: bytes) -> Sheet:
    """The file's header and rows, whatever spreadsheet it is; a TableError names what cannot be read."""
    if not content:
        raise TableError(_("Ce fichier est vide."))
    tables._check_size(content, LIMITS)
    if content.startswith(b"PK"):
        _refuse_merged_cells(content)
        table = tables.read_xlsx(content, LIMITS, data_only=False)
        sheet = Sheet(headers=[], rows=[], kind="xlsx")
    elif content.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(
            _("Les classeurs Excel 97-2003 (.xls) ne sont pas lus : enregistrez le fichier en .xlsx ou en CSV.")
        )
    else:
        text, encoding = decode(content)
        sheet = Sheet(headers=[], rows=[], kind="csv", encoding=encoding)
        if encoding != "UTF-8":
            sheet.notes.append(
                _("Encodage détecté : %(encoding)s (et non UTF-8) ; les accents ont été lus dans cet encodage.")
                % {"encoding": encoding}
            )
        table = tables.csv_rows(text, LIMITS, delimiter=_delimiter(text))
    table = [row for row in table if any(str(cell).strip() for cell in row)]
    if not table:
        raise TableError(_("Ce fichier est vide."))
    sheet.headers = [str(cell).strip() for cell in table[0]]
    sheet.rows = table[1:]
    if len([h for h in sheet.headers if h]) < 2:
        raise TableError(
            _(
                "La première ligne doit porter les noms des colonnes (Nom, Prénom, Dispositif…) : "
                "ce fichier n'a pas l'air d'un tableau."
            )
        )
    return sheet


def decode(content: bytes) -> tuple[str, str]:
    """The text of a CSV and the encoding it was found in: UTF-8 (with or without byte-order mark), UTF-16
    with its mark, else Windows-1252, what Excel writes on a French Windows (Latin-1 for the bytes it lacks)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise TableError(_("Ce fichier n'est pas un fichier texte CSV.")) from None
    if b"\x00" in content[:4096]:
        raise TableError(_("Ce fichier n'est ni un classeur XLSX ni un fichier CSV."))
    try:
        return content.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "ISO-8859-1 (Latin-1)"


def _delimiter(text: str) -> str:
    """Semicolons when the header line has more of them than commas (a French Excel's CSV), else commas."""
    first = next((line for line in text.splitlines() if line.strip(" ;,\t")), "")
    return ";" if first.count(";") > first.count(",") else ","


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    """The path of the workbook's first sheet, from the workbook and its relations (sheet1.xml as a fallback)."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return "xl/worksheets/sheet1.xml"
    sheet = re.search(rb"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook)
    if sheet is None:
        return "xl/worksheets/sheet1.xml"
    for relation in re.finditer(rb"<Relationship\b[^>]*>", relations):
        tag = relation.group(0)
        if re.search(rb"\bId=\"" + re.escape(sheet.group(1)) + rb"\"", tag):
            target = re.search(rb"\bTarget=\"([^\"]+)\"", tag)
            if target:
                path = target.group(1).decode()
                return path.lstrip("/") if path.startswith("/") else "xl/" + path
    return "xl/worksheets/sheet1.xml"


def _refuse_merged_cells(content: bytes) -> None:
    """Merged cells hold their value in the first cell only: the other rows would silently lose it.

    Read-only openpyxl does not report them, so the sheet's XML is streamed (at most its declared size, checked
    by core.tables first) looking for its <mergeCell> elements."""
    tables._check_size(content, LIMITS)
    tables._check_archive(content, LIMITS)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            part = _first_sheet_part(archive)
            if part not in archive.namelist():
                return
            found: list[str] = []
            tail = b""
            with archive.open(part) as stream:
                while chunk := stream.read(256 * 1024):
                    window = tail + chunk
                    found += [m.group(1).decode() for m in _MERGE.finditer(window)]
                    tail = window[-200:]
    except zipfile.BadZipFile:
        raise TableError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    found = list(dict.fromkeys(found))
    if found:
        raise TableError(
            _(
                "Le classeur contient des cellules fusionnées (%(cells)s) : défusionnez-les et répétez la valeur "
                "sur chaque ligne, puis envoyez le fichier à nouveau."
            )
            % {"cells": ", ".join(found[:10])}
        )


def is_formula(value: object) -> bool:
    """A formula cell (read as its text, never evaluated), or a CSV cell that is a formula's text."""
    if isinstance(value, str):
        return value.startswith("=") and len(value) > 1
    return not isinstance(value, int | float | datetime.date | datetime.time | bool | type(None))


def text(value: object) -> str:
    """A cell as the text a form field receives: whole numbers without ".0", dates as DD/MM/YYYY."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def parse_date(value: object) -> datetime.date | None:
    """A date cell, DD/MM/YYYY, YYYY-MM-DD or an Excel serial number; None when empty; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(float(value))
    raw = str(value).strip()
    if not raw:
        return None
    try:
        if match := DAY_FIRST.match(raw):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := ISO.match(raw):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("cette date n'existe pas dans le calendrier")) from None
    if SERIAL.match(raw):
        return _serial(float(raw.replace(",", ".")))
    raise ValueError(_("format de date non reconnu"))


def _serial(number: float) -> datetime.date:
    if not SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        raise ValueError(_("ce nombre n'est pas une date du tableur (entre 1900 et 2099)"))
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))
