"""Import of the ROME 4.0 referential from France Travail's official CSV extracts.

Reads four files of the extract (UTF-8, comma-separated, quoted):
jobs (unix_referentiel_code_rome), job titles (unix_referentiel_appellation),
competences and macro-competences (unix_referentiel_competence), and which items belong to
which job (unix_coherence_item). Everything is read and checked before anything is written,
then written in one transaction: a wrong file leaves the database as it was. Re-running
with the same files changes nothing.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.core import tables
from tremplin.core.search_keys import search_key

from .models import Competence, CompetenceKind, RomeAppellation, RomeJob

FILES = {
    "jobs": ("unix_referentiel_code_rome", {"code_rome", "libelle_rome"}),
    "appellations": ("unix_referentiel_appellation", {"code_ogr", "libelle_appellation_long", "code_rome"}),
    "competences": (
        "unix_referentiel_competence",
        {"code_ogr", "nature", "libelle_competence", "definition", "code_ogr_macro_comp", "cat_comp", "sous_cat_comp"},
    ),
    "links": ("unix_coherence_item", {"code_rome", "code_ogr"}),
}


class RomeImportError(Exception):
    """A file is missing, unreadable or not in the expected format; nothing was imported."""


@dataclass
class ImportReport:
    jobs_created: int = 0
    jobs_updated: int = 0
    appellations_created: int = 0
    appellations_updated: int = 0
    competences_created: int = 0
    competences_updated: int = 0
    links_created: int = 0
    links_removed: int = 0
    totals: dict = field(default_factory=dict)


def find_file(folder: Path, stem: str) -> Path:
    pattern = re.compile(rf"^{re.escape(stem)}(_v\d+)?(_utf8)?\.csv$")
    matches = sorted(p for p in folder.iterdir() if pattern.match(p.name))
    if not matches:
        raise RomeImportError(
            _("Fichier manquant dans %(folder)s : %(stem)s_v<version>_utf8.csv.") % {"folder": folder, "stem": stem}
        )
    return matches[-1]


# France Travail's extracts (v460): at most 104,220 rows, 13 columns, 265 characters a cell, 3 MB a file.
LIMITS = tables.Limits(rows=300_000, columns=40, cell_chars=5_000, file_bytes=25 * tables.MEGABYTE)


def read_rows(path: Path, required: set[str]) -> list[dict[str, str]]:
    """All rows of one file, after checking its size, its encoding and its columns (core/tables.py limits)."""
    if path.stat().st_size > LIMITS.file_bytes:
        raise RomeImportError(
            _("%(file)s dépasse %(size)s Mo : ce n'est pas un fichier du référentiel.")
            % {"file": path.name, "size": LIMITS.file_bytes // tables.MEGABYTE}
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RomeImportError(
            _("%(file)s n'est pas encodé en UTF-8 (ligne %(line)s). Téléchargez la version « utf8 » du fichier.")
            % {"file": path.name, "line": line}
        ) from None
    try:
        table = tables.csv_rows(text, LIMITS)
    except tables.TableError as error:
        raise RomeImportError(_("%(file)s : %(error)s") % {"file": path.name, "error": error}) from None
    fieldnames = [name.strip() for name in table[0]] if table else []
    missing = sorted(required - set(fieldnames))
    if missing:
        raise RomeImportError(
            _("%(file)s : colonnes manquantes %(missing)s (colonnes trouvées : %(found)s).")
            % {"file": path.name, "missing": ", ".join(missing), "found": ", ".join(fieldnames) or "-"}
        )
    return [
        {key: str(value or "").strip() for key, value in zip(fieldnames, row, strict=False) if key}
        for row in table[1:]
        if row  # a blank line is no row, as for csv.DictReader
    ]


def _require(row: dict, name: str, path_name: str, number: int) -> str:
    value = row.get(name, "")
    if not value:
        raise RomeImportError(
            _("%(file)s, ligne %(line)s : la colonne %(column)s est vide.")
            % {"file": path_name, "line": number, "column": name}
        )
    return value


def _read_folder(folder: Path) -> dict[str, tuple[str, list[dict]]]:
    if not folder.is_dir():
        raise RomeImportError(_("Dossier introuvable : %(folder)s.") % {"folder": folder})
    data = {}
    for key, (stem, required) in FILES.items():
        path = find_file(folder, stem)
        data[key] = (path.name, read_rows(path, required))
    return data


def import_rome(folder: str | Path) -> ImportReport:
    """Reads and checks the whole folder, then writes jobs, titles, competences and links at once."""
    data = _read_folder(Path(folder))
    report = ImportReport()

    name, rows = data["jobs"]
    jobs = {}
    for number, row in enumerate(rows, start=2):
        jobs[_require(row, "code_rome", name, number)] = _require(row, "libelle_rome", name, number)

    name, rows = data["appellations"]
    appellations = {}
    for number, row in enumerate(rows, start=2):
        job_code = _require(row, "code_rome", name, number)
        if job_code not in jobs:
            raise RomeImportError(
                _("%(file)s, ligne %(line)s : le métier %(code)s n'existe pas dans le fichier des métiers.")
                % {"file": name, "line": number, "code": job_code}
            )
        appellations[_require(row, "code_ogr", name, number)] = (
            job_code,
            _require(row, "libelle_appellation_long", name, number),
        )

    name, rows = data["competences"]
    competences = {}
    for number, row in enumerate(rows, start=2):
        category = " — ".join(part for part in (row.get("cat_comp", ""), row.get("sous_cat_comp", "")) if part)
        competences[_require(row, "code_ogr", name, number)] = {
            "name": _require(row, "libelle_competence", name, number)[:300],
            "description": row.get("definition", ""),
            "rome_code": row.get("code_ogr_macro_comp", ""),
            "rome_category": f"{row.get('nature', '')} : {category}"[:200] if category else row.get("nature", "")[:200],
        }

    name, rows = data["links"]
    links = set()
    for number, row in enumerate(rows, start=2):
        job_code = _require(row, "code_rome", name, number)
        item = _require(row, "code_ogr", name, number)
        if item in competences and job_code in jobs:
            links.add((job_code, item))

    with transaction.atomic():
        _write_jobs(jobs, report)
        _write_appellations(appellations, report)
        _write_competences(competences, report)
        _write_links(links, report)
    report.totals = {
        "jobs": len(jobs),
        "appellations": len(appellations),
        "competences": len(competences),
        "links": len(links),
    }
    return report


def _write_jobs(jobs: dict[str, str], report: ImportReport) -> None:
    existing = {job.code: job for job in RomeJob.objects.all()}
    new, changed = [], []
    for code, title in jobs.items():
        job = existing.get(code)
        if job is None:
            new.append(RomeJob(code=code, title=title))
        elif job.title != title:
            job.title = title
            changed.append(job)
    RomeJob.objects.bulk_create(new, batch_size=1000)
    RomeJob.objects.bulk_update(changed, ["title"], batch_size=500)
    report.jobs_created, report.jobs_updated = len(new), len(changed)


def _write_appellations(appellations: dict[str, tuple[str, str]], report: ImportReport) -> None:
    job_ids = dict(RomeJob.objects.values_list("code", "pk"))
    existing = {a.code: a for a in RomeAppellation.objects.all()}
    new, changed = [], []
    for code, (job_code, title) in appellations.items():
        job_id = job_ids[job_code]
        item = existing.get(code)
        search_text = search_key(title)[:300]  # bulk writes skip save(): the search column is written here
        if item is None:
            new.append(RomeAppellation(code=code, job_id=job_id, title=title[:300], search_text=search_text))
        elif (item.job_id, item.title, item.search_text) != (job_id, title[:300], search_text):
            item.job_id, item.title, item.search_text = job_id, title[:300], search_text
            changed.append(item)
    RomeAppellation.objects.bulk_create(new, batch_size=1000)
    RomeAppellation.objects.bulk_update(changed, ["job", "title", "search_text"], batch_size=500)
    report.appellations_created, report.appellations_updated = len(new), len(changed)


COMPETENCE_FIELDS = ["name", "description", "rome_code", "rome_category"]


def _write_competences(competences: dict[str, dict], report: ImportReport) -> None:
    rome = Competence.objects.filter(structure__isnull=True, kind=CompetenceKind.TECHNICAL)
    existing = {c.code: c for c in rome.only("pk", "code", *COMPETENCE_FIELDS)}
    new, changed = [], []
    for code, values in competences.items():
        item = existing.get(code)
        if item is None:
            new.append(Competence(structure=None, kind=CompetenceKind.TECHNICAL, code=code, **values))
        elif any(getattr(item, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(item, key, value)
            changed.append(item)
    Competence.objects.bulk_create(new, batch_size=1000)
    Competence.objects.bulk_update(changed, COMPETENCE_FIELDS, batch_size=500)
    report.competences_created, report.competences_updated = len(new), len(changed)


def _write_links(links: set[tuple[str, str]], report: ImportReport) -> None:
    job_ids = dict(RomeJob.objects.values_list("code", "pk"))
    competence_ids = dict(
        Competence.objects.filter(structure__isnull=True, kind=CompetenceKind.TECHNICAL).values_list("code", "pk")
    )
    through = RomeJob.competences.through
    wanted = {(job_ids[job], competence_ids[item]) for job, item in links}
    existing = {(row[1], row[2]): row[0] for row in through.objects.values_list("pk", "romejob_id", "competence_id")}
    stale = [pk for pair, pk in existing.items() if pair not in wanted]
    for start in range(0, len(stale), 500):
        through.objects.filter(pk__in=stale[start : start + 500]).delete()
    new = [through(romejob_id=job, competence_id=item) for job, item in wanted - existing.keys()]
    through.objects.bulk_create(new, batch_size=1000)
    report.links_created, report.links_removed = len(new), len(stale)
