"""CSV and XLSX files of a list, with spreadsheet formulas neutralised.

A cell whose text starts with = + - @ (or a tab or carriage return, which some spreadsheets skip before
reading a formula) is written with a leading apostrophe: a name typed as `=HYPERLINK(…)` stays text when
the file is opened (OWASP "CSV injection").
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def safe(value):
    """The cell's value: dates and numbers as they are, text with formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | datetime.date):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    out = io.StringIO()
    # A byte order mark, so that spreadsheets read the accents right; semicolons, as French spreadsheets expect.
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([safe(cell) for cell in header])
    for row in rows:
        writer.writerow([(cell.isoformat() if isinstance(cell, datetime.date) else safe(cell)) for cell in row])
    return _attachment(HttpResponse(out.getvalue(), content_type=CSV_TYPE), f"{filename}.csv")


def xlsx_response(filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe(cell) for cell in header])
    for row in rows:
        cells = []
        for cell in row:
            value = safe(cell)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cells.append(value)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return _attachment(HttpResponse(out.getvalue(), content_type=XLSX_TYPE), f"{filename}.xlsx")
