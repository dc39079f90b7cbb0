"""The downloadable template: the columns in French, two example lines, and (XLSX) a sheet explaining each column."""

import csv
import io

from django.utils.translation import gettext as _

from . import columns


def as_csv() -> bytes:
    """UTF-8 with a byte-order mark and semicolons: what a French spreadsheet opens without asking."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in columns.COLUMNS])
    for line in (0, 1):
        writer.writerow([column.example[line] for column in columns.COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Personnes")
    sheet.append([column.header for column in columns.COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in (0, 1):
        sheet.append([column.example[line] for column in columns.COLUMNS])
    for index, column in enumerate(columns.COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(14, len(column.header) + 4)
    help_sheet = workbook.create_sheet(_("Explications"))
    help_sheet.append([_("Colonne"), _("Obligatoire"), _("Contenu")])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for column in columns.COLUMNS:
        help_sheet.append([column.header, _("Oui") if column.required else _("Non"), str(column.help)])
    help_sheet.append([])
    for sentence in (
        _("Une ligne par personne ; seule la première feuille est lue."),
        _("Pas de cellules fusionnées ni de formules : collez les valeurs."),
        _("Les dates : JJ/MM/AAAA, AAAA-MM-JJ ou des cellules au format date."),
        _("Une personne déjà enregistrée (même nom et date de naissance, courriel ou téléphone) n'est pas recréée."),
    ):
        help_sheet.append([str(sentence)])
    help_sheet.column_dimensions["A"].width = 28
    help_sheet.column_dimensions["C"].width = 80
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
