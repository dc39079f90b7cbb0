"""A report's tables as an XLSX workbook (one sheet per table) and as one CSV file.

Values are written as numbers (a Decimal as a float in the workbook, with a dot in the CSV), never localised.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .presentation import Section


@dataclass
class Sheet:
    key: str
    title: str
    header: list[str]
    rows: list[list]


def sheets(sections: list[Section]) -> list[Sheet]:
    result = []
    for section in sections:
        if section.rows:
            header = [_("Indicateur"), _("Valeur"), _("Part (%)")]
            rows = [[row.label, row.value, row.percent] for row in section.rows]
            result.append(Sheet(section.key, str(section.title), header, rows))
        elif section.columns:
            header = [_("Libellé")] + [str(c) for c in section.columns]
            rows = [[label] + [row.value for row in cells] for label, cells in section.grid]
            result.append(Sheet(section.key, str(section.title), header, rows))
        if section.chart is not None:
            header = [_("Libellé")] + [s.label for s in section.chart.series]
            rows = [[row.label, *row.values] for row in section.chart.rows]
            result.append(Sheet(f"{section.key}-chart", section.chart.title, header, rows))
    return result


def _cell(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def xlsx(meta: list[tuple[str, str]], tables: list[Sheet]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = _("Rapport")[:31]
    for label, value in meta:
        first.append([label, value])
    used = {first.title}
    for table in tables:
        title = table.title.replace("/", "-").replace(":", "-")[:31]
        base, n = title, 2
        while title in used:
            title = f"{base[:28]} {n}"
            n += 1
        used.add(title)
        sheet = book.create_sheet(title)
        sheet.append(table.header)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(tables: list[Sheet]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Tableau"), _("Libellé"), _("Colonne"), _("Valeur")])
    for table in tables:
        for row in table.rows:
            for column, value in zip(table.header[1:], row[1:], strict=True):
                writer.writerow([table.title, row[0], column, "" if value is None else str(value)])
    return out.getvalue()
