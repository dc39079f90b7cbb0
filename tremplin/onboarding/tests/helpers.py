"""Files and a structure ready for an onboarding import, shared by the tests of this app."""

from __future__ import annotations

import datetime
import io

from django.test import TestCase
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.onboarding import columns
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import WorksiteFactory

HEADERS = [column.header for column in columns.COLUMNS]


def ready(structure) -> dict:
    """A director, a counsellor (référent), an ACI programme and a worksite in the structure."""
    director = MembershipFactory(structure=structure, role=Role.DIRECTOR).user
    counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR, user__email="cip@example.org").user
    programme = ProgrammeFactory(structure=structure, name="ACI Jardins")
    worksite = WorksiteFactory(structure=structure, name="Maraîchage")
    return {"director": director, "counsellor": counsellor, "programme": programme, "worksite": worksite}


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def row(**values) -> dict:
    """A valid line by default: a candidate in the ACI; keys are template column keys."""
    line = {"last_name": "Diallo", "first_name": "Awa", "birth_date": "14/02/1990", "programme": "ACI"}
    line.update(values)
    return line


def in_contract(**values) -> dict:
    """A person in contract today: started 30 days ago, for six months, 26 hours a week."""
    start = day(-30)
    contract = {
        "status": "En contrat",
        "start_date": start.strftime("%d/%m/%Y"),
        "planned_end_date": (start + datetime.timedelta(days=182)).isoformat(),
        "weekly_hours": "26",
        "position": "Maraîcher·ère",
    }
    return row(**{**contract, **values})


def csv_bytes(lines: list[dict], *, headers: list[str] = HEADERS, encoding="utf-8", delimiter=";") -> bytes:
    keys = [columns.guess(header) for header in headers]
    text = [delimiter.join(headers)]
    for line in lines:
        text.append(delimiter.join(str(line.get(key, "")) for key in keys))
    return ("\r\n".join(text) + "\r\n").encode(encoding)


def xlsx_bytes(lines: list[list], *, headers: list[str] = HEADERS, merge: str = "") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for line in lines:
        sheet.append(line)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def cells(line: dict, headers: list[str] = HEADERS) -> list:
    return [line.get(columns.guess(header), None) for header in headers]


def queued():
    """Runs what was queued for after the commit (the dry run, the import: Celery tasks, inline in tests)."""
    return TestCase.captureOnCommitCallbacks(execute=True)
