"""`make bench`: a 10,000-line spreadsheet taken over, dry run then import, time and peak memory (tracemalloc).

The lines are what a structure brings: a third in contract today, a third candidates, a third exited after a
past contract, with a référent and a worksite. The count is context["onboarding_rows"] if given, else 10,000 on
a real run (runs >= 10) and a handful when the benchmark's own tests run it on tiny sizes. It works in a
structure of its own (prefix-named, so --reset removes it) and deletes it afterwards.
"""

import datetime
import time
import tracemalloc

from django.db import connection
from django.utils import timezone

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway
from tremplin.programmes.models import Programme
from tremplin.programmes.rules.base import ProgrammeKind
from tremplin.structures.models import Structure, StructureKind, Worksite
from tremplin.timeline.models import TimelineEvent

from . import columns, services
from .models import RunStatus

FIRST = ["Amina", "Bruno", "Chloé", "Driss", "Elena", "Fatou", "Giulia", "Hugo", "Inès", "Jonas", "Karim", "Lina"]


def lines(count: int, today: datetime.date, referent: str) -> bytes:
    """A CSV in the template's columns, every line valid and a different person."""
    header = [column.header for column in columns.COLUMNS]
    keys = [column.key for column in columns.COLUMNS]
    out = [";".join(header)]
    for number in range(count):
        birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=(number * 37) % 14000)
        line = {
            "last_name": f"Nom{number:05d}",
            "first_name": FIRST[number % len(FIRST)],
            "birth_date": birth.strftime("%d/%m/%Y"),
            "email": f"p{number}@bench.invalid",
            "programme": "ACI",
            "referent": referent,
            "worksite": "Maraîchage",
            "status": "Candidat·e",
        }
        kind = number % 3
        if kind == 0:
            start = today - datetime.timedelta(days=30 + number % 60)
            line.update(status="En contrat", start_date=start.isoformat())
            line.update(planned_end_date=(start + datetime.timedelta(days=200)).strftime("%d/%m/%Y"))
        elif kind == 1:
            start = today - datetime.timedelta(days=500 + number % 60)
            line.update(status="Sorti·e", start_date=start.isoformat())
            line.update(planned_end_date=(start + datetime.timedelta(days=200)).isoformat())
        if kind in (0, 1):
            line.update(weekly_hours="26", position="Agent·e d'entretien")
        out.append(";".join(str(line.get(key, "")) for key in keys))
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def _timed(step):
    tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, peak


def _upload_and_check(structure, content: bytes, director):
    """The upload and its dry run. Outside a transaction the queued task (inline without a broker) has run by
    the time `start` returns; inside one (the benchmark's own tests) it waits for a commit: run it here."""
    run = services.start(structure, name="bench.csv", content=content, by=director)
    run.refresh_from_db()
    if run.status == RunStatus.CHECKING:
        services.process(run.pk, "check", director.pk)
        run.refresh_from_db()
    return run


def measure(context: dict) -> dict:
    count = context.get("onboarding_rows") or (10_000 if context.get("runs", 0) >= 10 else 6)
    prefix, domain = context.get("prefix", "bench-"), context.get("email_domain", "bench.invalid")
    today = timezone.localdate()
    structure = Structure.objects.create(name=f"{prefix}onboarding", kind=StructureKind.ACI, postcode="69008")
    director = User.objects.create(email=f"{prefix}onboarding-director@{domain}", password="!")
    referent = User.objects.create(email=f"{prefix}onboarding-cip@{domain}", password="!")
    Membership.objects.create(user=director, structure=structure, role=Role.DIRECTOR)
    Membership.objects.create(user=referent, structure=structure, role=Role.COUNSELLOR)
    Programme.objects.create(structure=structure, kind=ProgrammeKind.FR_ACI, name="ACI")
    Worksite.objects.create(structure=structure, name="Maraîchage", activity="Maraîchage", capacity=1000)
    content = lines(count, today, referent.email)
    try:
        run, dry_s, dry_peak = _timed(lambda: _upload_and_check(structure, content, director))
        assert run.status == "checked", run.problems[:3]
        run, import_s, import_peak = _timed(lambda: services.confirm(run, by=director))
        assert run.status == "imported", run.problems[:3]
    finally:
        TimelineEvent.objects.filter(structure=structure)._raw_delete(connection.alias)
        Pathway.objects.filter(structure=structure).delete()
        structure.delete()
        User.objects.filter(pk__in=(director.pk, referent.pk)).delete()
    result = {
        "rows": count,
        "file_bytes": len(content),
        "dry_run_s": round(dry_s, 2),
        "dry_run_peak_mb": round(dry_peak / 2**20, 1),
        "import_s": round(import_s, 2),
        "import_peak_mb": round(import_peak / 2**20, 1),
        "rows_per_s": round(count / import_s, 1),
        "created": run.counts,
    }
    context.get("write", print)(
        f"onboarding: {count} lines ({len(content) / 2**20:.1f} MB) — dry run {dry_s:.1f} s, peak "
        f"{dry_peak / 2**20:.0f} MB; import {import_s:.1f} s, peak {import_peak / 2**20:.0f} MB"
    )
    return result
