"""Reading the CSV and XLSX files people hand to an import, within limits checked before rows are built.

Every import of a table goes through here (job offers, the ROME referential…), so that one small
file cannot make the server build millions of rows: an XLSX is a zip whose sheet may *declare*
`A1:ZZ200000` in a few bytes, and a reader that trusts it pads 200,000 rows of 702 cells before
any limit is checked. So, in this order: the size of the file; for an XLSX, the uncompressed size
of its parts as the zip's central directory states it (zipfile never inflates a part past that
size, so a zip bomb is refused before it is inflated); the sheet's declared dimensions; then rows
are streamed and reading stops at the first row past the limit, with columns and cells capped too.

A `TableError` carries a message meant for the person who sent the file; the caller puts it on
the file's form field (or in the command's error).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

MEGABYTE = 1024 * 1024


class TableError(ValueError):
    """The file cannot be read within the limits; the message says why, for the person who sent it."""


@dataclass(frozen=True)
class Limits:
    """What one import accepts. `rows` counts the data rows, after the header row."""

    rows: int
    columns: int = 60
    cell_chars: int = 5000
    file_bytes: int = 2 * MEGABYTE
    # XLSX only: the parts of the zip once inflated, all together, and how many parts.
    unpacked_bytes: int = 20 * MEGABYTE
    parts: int = 200


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.0f}"


def _check_size(content: bytes, limits: Limits) -> None:
    if len(content) > limits.file_bytes:
        raise TableError(
            _("Le fichier dépasse %(size)s Mo (limite %(size)s Mo) : découpez-le en plusieurs fichiers.")
            % {"size": _megabytes(limits.file_bytes)}
        )


def _capped(rows: Iterator[list], limits: Limits) -> list[list]:
    """The rows, header first, stopping at the first row past the limit; columns and cells checked."""
    table: list[list] = []
    for number, row in enumerate(rows, start=1):
        if number > limits.rows + 1:
            raise TableError(
                _("Le fichier a plus de %(limit)s lignes (limite %(limit)s) : découpez-le en plusieurs fichiers.")
                % {"limit": limits.rows}
            )
        while row and row[-1] in ("", None):
            row = row[:-1]
        if len(row) > limits.columns:
            raise TableError(
                _("La ligne %(row)s a plus de %(limit)s colonnes (limite %(limit)s).")
                % {"row": number, "limit": limits.columns}
            )
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and len(value) > limits.cell_chars:
                raise TableError(
                    _("Ligne %(row)s, colonne %(column)s : la cellule dépasse %(limit)s caractères.")
                    % {"row": number, "column": column, "limit": limits.cell_chars}
                )
        table.append(["" if value is None else value for value in row])
    return table


# --- CSV ---------------------------------------------------------------------------------------


def csv_rows(text: str, limits: Limits, *, delimiter: str = ",") -> list[list[str]]:
    """The rows of a decoded CSV text, header first, within the limits."""
    # The csv module's own cap on a field is larger than ours: a longer cell stops the reader at once.
    previous = csv.field_size_limit()
    csv.field_size_limit(limits.cell_chars + 1)
    try:
        return _capped(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), limits)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise TableError(
                _("Une cellule dépasse %(limit)s caractères (limite %(limit)s).") % {"limit": limits.cell_chars}
            ) from None
        raise TableError(_("CSV illisible (%(error)s).") % {"error": error}) from None
    finally:
        csv.field_size_limit(previous)


def read_csv(content: bytes, limits: Limits, *, delimiter: str = ",") -> list[list[str]]:
    """The rows of a CSV file (UTF-8, with or without a byte-order mark), header first."""
    _check_size(content, limits)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise TableError(
            _(
                "Encodage incorrect à la ligne %(line)s : le fichier doit être enregistré en UTF-8 (« CSV UTF-8 » dans un tableur)."
            )
            % {"line": line}
        ) from None
    if "\x00" in text:
        raise TableError(_("Ce fichier n'est pas un fichier texte CSV."))
    return csv_rows(text, limits, delimiter=delimiter)


# --- XLSX --------------------------------------------------------------------------------------


def _check_archive(content: bytes, limits: Limits) -> None:
    """Refuses a file that is no zip, or whose parts would inflate past the limit (read from the directory)."""
    unreadable = TableError(_("Ce fichier n'est pas un classeur XLSX lisible."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise unreadable from None
    if not any(part.filename.startswith("xl/worksheets/") for part in parts):
        raise unreadable
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > limits.parts or unpacked > limits.unpacked_bytes:
        raise TableError(
            _("Une fois décompressé, le classeur dépasse %(size)s Mo (limite %(size)s Mo).")
            % {"size": _megabytes(limits.unpacked_bytes)}
        )


def read_xlsx(content: bytes, limits: Limits, *, data_only: bool = True) -> list[list]:
    """The first sheet's values, header first, within the limits.

    `data_only=False` gives a formula cell as its text ("=A2+1") instead of the value the spreadsheet last
    computed, so that a caller can refuse formulas; nothing is ever evaluated here."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    _check_size(content, limits)
    _check_archive(content, limits)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=data_only)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors on a damaged file
        raise TableError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    try:
        sheet = workbook.worksheets[0]
        # Read-only openpyxl takes these from the sheet's <dimension> element, without reading a row.
        if sheet.max_row and sheet.max_column:
            rows = sheet.max_row - sheet.min_row + 1
            columns = sheet.max_column - sheet.min_column + 1
            if rows > limits.rows + 1 or columns > limits.columns:
                reference = (
                    f"{get_column_letter(sheet.min_column)}{sheet.min_row}:"
                    f"{get_column_letter(sheet.max_column)}{sheet.max_row}"
                )
                raise TableError(
                    _(
                        "La feuille déclare %(rows)s lignes et %(columns)s colonnes (%(reference)s) : "
                        "au plus %(max_rows)s lignes, en-tête compris, et %(max_columns)s colonnes par fichier."
                    )
                    % {
                        "rows": rows,
                        "columns": columns,
                        "reference": reference,
                        "max_rows": limits.rows + 1,
                        "max_columns": limits.columns,
                    }
                )
        # Explicit bounds: a missing or lying dimension cannot widen the rows nor pad them without end.
        rows = sheet.iter_rows(max_row=limits.rows + 2, max_col=limits.columns + 1, values_only=True)
        return _capped((list(row) for row in rows), limits)
    except TableError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet fails while being read, not only when opened
        raise TableError(_("Ce fichier n'est pas un classeur XLSX lisible.")) from None
    finally:
        workbook.close()
