"""Taking over people, pathways and contracts from a spreadsheet: upload, column mapping, dry run, import.

The dry run and the import are one code path (`_execute`): every line goes through the forms people use
(PersonForm, PathwayFieldsForm, ContractForm) and the services (`open_pathway`, `change_status`,
`contracts.services.record_existing_contract`, whose programme rules return violations naming the field), inside
one transaction; the dry run, or any problem, rolls it back. So nothing is ever half-imported, and what the dry
run accepts is what the import writes (decision 0017).
"""

from __future__ import annotations

import datetime
import hashlib
from collections import deque
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, router, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.audit.context import current_request, reset_request, set_request
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import batched_appends
from tremplin.contracts.forms import ContractForm
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.contracts.services import record_existing_contract
from tremplin.core.search_keys import search_key
from tremplin.core.tables import TableError
from tremplin.pathways.forms import PathwayFieldsForm
from tremplin.pathways.models import TRANSITIONS, Pathway, Status
from tremplin.pathways.services import change_status, open_pathway
from tremplin.people.forms import PersonForm
from tremplin.people.models import Person, normalise_phone
from tremplin.programmes.models import Programme
from tremplin.structures.models import Worksite

from . import columns, reading, vault
from .models import ImportedPerson, ImportRun, RunStatus

MAX_PROBLEMS_KEPT = 2000
FILE_KEPT_HOURS = 24
VALUES_KEPT_DAYS = 30
AFTER_CONTRACT = (Status.EXITED, Status.FOLLOW_UP, Status.CLOSED)
PERSON_DEFAULTS = {
    "nationality": "",
    "languages": "",
    "french_level": "",
    "driving_licence": "none",
    "has_vehicle": False,
    "recognised_disability": False,
}
COUNT_KEYS = (
    "people_created",
    "people_found",
    "pathways_created",
    "pathways_found",
    "contracts_created",
    "contracts_found",
)


class _Rollback(Exception):
    """Leaves the transaction of a dry run, or of an import that found problems."""


# --- Steps -------------------------------------------------------------------------------------


def start(structure, *, name: str, content: bytes, by) -> ImportRun:
    """Reads the file (a TableError says why it cannot be), keeps it sealed, guesses the columns; a file with the
    template's headers goes straight to the dry run."""
    sheet = reading.read(content)
    digest = hashlib.sha256(content).hexdigest()
    notes = list(sheet.notes)
    earlier = (
        ImportRun.objects.filter(structure=structure, file_hash=digest, status=RunStatus.IMPORTED)
        .order_by("-imported_at")
        .first()
    )
    if earlier is not None:
        notes.append(
            _("Ce fichier a déjà été importé le %(date)s : les personnes déjà présentes ne seront pas recréées.")
            % {"date": timezone.localtime(earlier.imported_at).strftime("%d/%m/%Y")}
        )
    # An abandoned upload of the structure is not kept: one file waits at a time.
    ImportRun.objects.filter(structure=structure, sealed_file__isnull=False).exclude(
        status__in=(RunStatus.IMPORTING, RunStatus.IMPORTED)
    ).update(sealed_file=None, status=RunStatus.CANCELLED)
    mapping = columns.guess_mapping(sheet.headers)
    run = ImportRun.objects.create(
        structure=structure,
        uploaded_by=by,
        file_name=name[:200],
        file_hash=digest,
        sealed_file=vault.seal(content),
        headers=sheet.headers,
        mapping={str(index): key for index, key in mapping.items()},
        notes=[str(note) for note in notes],
        row_count=len(sheet.rows),
    )
    if columns.matches_template(sheet.headers, mapping):
        request_check(run, by=by)
    return run


def set_mapping(run: ImportRun, mapping: dict[int, str], *, by) -> ImportRun:
    """The user's choice of column per header; refused (naming the column) when a required one is missing
    or one template column is chosen twice. Then the dry run."""
    if run.sealed_file is None or run.status in (RunStatus.IMPORTING, RunStatus.IMPORTED):
        raise ValidationError(_("Ce fichier n'est plus conservé : envoyez-le à nouveau."))
    errors: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for index, key in sorted(mapping.items()):
        if not key:
            continue
        if key in seen:
            errors.setdefault(f"column_{index}", []).append(
                _("La colonne « %(column)s » est déjà choisie pour « %(header)s ».")
                % {"column": columns.BY_KEY[key].label, "header": run.headers[seen[key]]}
            )
        seen[key] = index
    missing = columns.missing_required({i: k for i, k in mapping.items() if k})
    if missing:
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("Colonnes obligatoires sans correspondance : %(columns)s.")
            % {"columns": ", ".join(str(column.label) for column in missing)}
        )
    if errors:
        raise ValidationError(errors)
    run.mapping = {str(index): key for index, key in mapping.items() if key}
    run.save(update_fields=["mapping", "updated_at"])
    return request_check(run, by=by)


def request_check(run: ImportRun, *, by) -> ImportRun:
    """Queues the dry run (a Celery task, inline without a broker): thousands of lines outlast a request."""
    run.status = RunStatus.CHECKING
    run.save(update_fields=["status", "updated_at"])
    _enqueue(run, "check", by)
    return run


def request_confirm(run: ImportRun, *, by) -> ImportRun:
    """Queues the import of a checked file."""
    if run.status != RunStatus.CHECKED or run.sealed_file is None:
        raise ValidationError(_("Cet import n'est pas prêt : vérifiez de nouveau le fichier."))
    run.status = RunStatus.IMPORTING
    run.save(update_fields=["status", "updated_at"])
    _enqueue(run, "confirm", by)
    return run


def _enqueue(run: ImportRun, action: str, by) -> None:
    from .tasks import process_run

    by_id = by.pk if by is not None else None
    # After the commit: the worker must find the run as saved (requests are atomic).
    transaction.on_commit(lambda: process_run.delay(run.pk, action, by_id))


def process(run_id: int, action: str, user_id: int | None) -> ImportRun | None:
    """The task's work: the dry run or the import of a queued run, as the person who asked. Outside a request
    (a worker), the access-log entries name that person and the run's page."""
    run = ImportRun.objects.select_related("structure").filter(pk=run_id).first()
    expected = {"check": RunStatus.CHECKING, "confirm": RunStatus.IMPORTING}.get(action)
    if run is None or run.status != expected:
        return None  # abandoned, replaced or already done meanwhile
    by = User.objects.filter(pk=user_id).first() if user_id else None
    token = None
    if current_request() is None:
        token = set_request(
            SimpleNamespace(user=by, path=reverse("onboarding:run", args=[run.public_id]), META={}, resolver_match=None)
        )
    try:
        return check(run, by=by) if action == "check" else confirm(run, by=by)
    finally:
        if token is not None:
            reset_request(token)


def check(run: ImportRun, *, by) -> ImportRun:
    """The dry run: every line imported inside a transaction that is rolled back; the problems and counts kept.
    A run abandoned or replaced while it was checked stays so."""
    started_as = run.status
    counts, problems = _execute(run, by=by, dry_run=True)
    run.status = RunStatus.REFUSED if problems else RunStatus.CHECKED
    _keep_outcome(run, counts, problems)
    ImportRun.objects.filter(pk=run.pk, status=started_as).update(
        status=run.status,
        counts=run.counts,
        problems=run.problems,
        problem_count=run.problem_count,
        updated_at=timezone.now(),
    )
    return run


def confirm(run: ImportRun, *, by) -> ImportRun:
    """The import, all or nothing; the file is deleted whatever the outcome."""
    if run.status not in (RunStatus.CHECKED, RunStatus.IMPORTING) or run.sealed_file is None:
        raise ValidationError(_("Cet import n'est pas prêt : vérifiez de nouveau le fichier."))
    counts, problems = _execute(run, by=by, dry_run=False)
    _keep_outcome(run, counts, problems)
    run.sealed_file = None
    if problems:
        run.status = RunStatus.REFUSED
    else:
        run.status = RunStatus.IMPORTED
        run.imported_at = timezone.now()
        run.imported_by = by
    run.save()
    return run


def cancel(run: ImportRun) -> ImportRun:
    run.sealed_file = None
    run.status = RunStatus.CANCELLED
    run.save(update_fields=["sealed_file", "status", "updated_at"])
    return run


def purge(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Deletes files left waiting more than a day, and erases the rows' values from reports past their time.
    Returns (files deleted, reports erased)."""
    now = now or timezone.now()
    files = ImportRun.objects.filter(
        sealed_file__isnull=False, updated_at__lt=now - datetime.timedelta(hours=FILE_KEPT_HOURS)
    ).update(sealed_file=None, status=RunStatus.EXPIRED)
    old = ImportRun.objects.filter(values_erased=False, created_at__lt=now - datetime.timedelta(days=VALUES_KEPT_DAYS))
    erased = 0
    for run in old.only("pk", "problems"):
        run.problems = [{**problem, "value": ""} for problem in run.problems]
        run.values_erased = True
        run.save(update_fields=["problems", "values_erased"])
        erased += 1
    return files, erased


def _keep_outcome(run: ImportRun, counts: dict, problems: list[dict]) -> None:
    run.counts = counts
    run.problem_count = len(problems)
    run.problems = problems[:MAX_PROBLEMS_KEPT]


def _execute(run: ImportRun, *, by, dry_run: bool) -> tuple[dict, list[dict]]:
    if run.sealed_file is None:
        return {}, [_problem(None, "", "", _("Ce fichier n'est plus conservé : envoyez-le à nouveau."))]
    try:
        sheet = reading.read(vault.unseal(run.sealed_file))
    except TableError as error:  # the same bytes were read at upload; kept for safety
        return {}, [_problem(None, "", "", str(error))]
    importer = Importer(run, by=by)
    # The access log may live in a database of its own (decision 0004): its entries about rolled-back records
    # are rolled back with them. They are written at the end of the lines, in bulk (audit.batched_appends).
    audit_db = router.db_for_write(AccessLogEntry)
    try:
        with transaction.atomic(), transaction.atomic(using=audit_db), batched_appends():
            for offset, cells in enumerate(sheet.rows):
                importer.line(offset + 2, cells)
            if importer.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return importer.counts, importer.problems


def _problem(row: int | None, column: str, value: object, message: str) -> dict:
    return {"row": row, "column": column, "value": reading.text(value)[:200], "message": str(message)}


# --- One line ------------------------------------------------------------------------------------


@dataclass
class Line:
    number: int
    values: dict[str, object]
    problems: list[dict] = field(default_factory=list)


class Importer:
    """Imports the lines of one file in the current transaction, collecting problems instead of stopping."""

    def __init__(self, run: ImportRun, *, by, today: datetime.date | None = None):
        self.run = run
        self.structure = run.structure
        self.by = by
        self.today = today or timezone.localdate()
        self.mapping = {int(index): key for index, key in run.mapping.items()}
        self.header_of = {key: run.headers[index] for index, key in self.mapping.items()}
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.problems: list[dict] = []
        self.seen: dict[tuple, int] = {}
        self._programmes = list(Programme.objects.filter(structure=self.structure, is_active=True))
        self._worksites = {
            search_key(w.name): w for w in Worksite.objects.filter(structure=self.structure, is_active=True)
        }
        self._users: dict[str, User | None] = {}
        self._pathway_checks: dict[tuple, tuple] = {}

    # Problems ---------------------------------------------------------------------------------------

    def column(self, key: str) -> str:
        if key in self.header_of:
            return self.header_of[key]
        return columns.BY_KEY[key].header if key in columns.BY_KEY else ""

    def refuse(self, line: Line, key: str, message) -> None:
        line.problems.append(_problem(line.number, self.column(key), line.values.get(key, ""), message))

    def refuse_errors(self, line: Line, errors: dict) -> None:
        for key, messages in errors.items():
            for message in messages:
                self.refuse(line, "" if key == NON_FIELD_ERRORS else key, message)

    # The line ---------------------------------------------------------------------------------------

    def line(self, number: int, cells: list) -> None:
        values = {key: (cells[index] if index < len(cells) else "") for index, key in self.mapping.items()}
        if not any(reading.text(value) for value in values.values()):
            return
        line = Line(number, values)
        self._import(line)
        self.problems += line.problems

    def _import(self, line: Line) -> None:
        values = line.values
        for key, value in values.items():
            if reading.is_formula(value):
                self.refuse(
                    line,
                    key,
                    _(
                        "Cette cellule contient une formule : les formules ne sont pas lues. Remplacez-la par sa "
                        "valeur (Copier, puis Collage spécial > Valeurs)."
                    ),
                )
        if line.problems:
            return
        dates: dict[str, datetime.date | None] = {}
        for key in columns.DATE_FIELDS & values.keys():
            try:
                dates[key] = reading.parse_date(values[key])
            except ValueError as error:
                self.refuse(
                    line,
                    key,
                    _("Date illisible (%(reason)s) : écrivez JJ/MM/AAAA, AAAA-MM-JJ ou utilisez une cellule date.")
                    % {"reason": error},
                )
        person_form = self._person_form(values, dates)
        if not person_form.is_valid():
            self.refuse_errors(line, person_form.errors)
        elif self._twice_in_file(line, person_form.cleaned_data):
            return
        programme = self._programme(line)
        status = self._status(line)
        referent = self._referent(line)
        worksite = self._worksite(line)
        if line.problems:
            return
        opening = self._pathway_fields(line, programme, referent)
        if opening is None:
            return
        has_contract = any(reading.text(values.get(key)) for key in columns.CONTRACT_FIELDS)
        contract_status = self._contract_status(line, status, has_contract, dates)
        if line.problems:
            return
        person, created = self._person(line, person_form)
        if person is None:
            return
        pathway = self._pathway(person, created, opening, status, worksite, has_contract)
        if has_contract:
            self._contract(line, pathway, worksite, dates, contract_status)
            if pathway.status == Status.IN_CONTRACT and status in AFTER_CONTRACT and not line.problems:
                self._move(pathway, status)

    def _pathway_fields(self, line: Line, programme: Programme, referent: User | None) -> dict | None:
        """What opening a pathway asks, checked by the form people use (PathwayFieldsForm). The programme and
        référent·e are checked once per pair in the file (the form's three queries), the referral source on each
        line by the form's own field."""
        key = (programme.pk, referent.pk if referent else None)
        if key not in self._pathway_checks:
            form = PathwayFieldsForm(
                data={"programme": programme.pk, "referent": referent.pk if referent else "", "referral_source": ""}
            )
            form.setup_pathway_fields(structure=self.structure, user=self.by)
            self._pathway_checks[key] = (dict(form.errors) if not form.is_valid() else None, form.cleaned_data)
        errors, cleaned = self._pathway_checks[key]
        if errors:
            self.refuse_errors(line, errors)
            return None
        try:
            source = PathwayFieldsForm.base_fields["referral_source"].clean(
                reading.text(line.values.get("referral_source"))
            )
        except ValidationError as error:
            self.refuse_errors(line, {"referral_source": error.messages})
            return None
        return {**cleaned, "referral_source": source}

    def _person_form(self, values: dict, dates: dict) -> PersonForm:
        data = dict(PERSON_DEFAULTS)
        for key in columns.PERSON_FIELDS:
            data[key] = reading.text(values.get(key, ""))
        data["birth_date"] = dates.get("birth_date") or ""
        form = PersonForm(data=data)
        form.structure = self.structure
        return form

    def _twice_in_file(self, line: Line, data: dict) -> bool:
        """One line per person: the same name and birth date, e-mail or phone twice is reported on the second."""
        keys = [("name", search_key(data["last_name"]), search_key(data["first_name"]), data.get("birth_date"))]
        if data.get("email"):
            keys.append(("email", data["email"].strip().lower()))
        if data.get("phone"):
            keys.append(("phone", normalise_phone(data["phone"])))
        for key in keys:
            if key in self.seen:
                self.refuse(
                    line,
                    "last_name",
                    _(
                        "Cette personne figure déjà à la ligne %(row)s du fichier (même %(what)s) : "
                        "une seule ligne par personne."
                    )
                    % {"row": self.seen[key], "what": _SAME[key[0]]()},
                )
                return True
        for key in keys:
            self.seen[key] = line.number
        return False

    def _programme(self, line: Line) -> Programme | None:
        wanted = search_key(reading.text(line.values.get("programme")))
        if not wanted:
            self.refuse(line, "programme", _("Choisissez le dispositif du parcours."))
            return None
        by_name = [p for p in self._programmes if search_key(p.name) == wanted]
        found = by_name or [p for p in self._programmes if wanted in _kind_names(p.kind)]
        if len(found) == 1:
            return found[0]
        if not found:
            self.refuse(
                line,
                "programme",
                _("Aucun dispositif actif de la structure n'a ce nom ou ce type : %(names)s.")
                % {"names": ", ".join(p.name for p in self._programmes) or "—"},
            )
        else:
            self.refuse(
                line,
                "programme",
                _("Plusieurs dispositifs actifs sont de ce type (%(names)s) : écrivez le nom du dispositif.")
                % {"names": ", ".join(p.name for p in found)},
            )
        return None

    def _status(self, line: Line) -> str | None:
        raw = reading.text(line.values.get("status"))
        if not raw:
            return Status.CANDIDATE
        status = _STATUSES.get(search_key(raw))
        if status is None:
            self.refuse(
                line,
                "status",
                _("Statut inconnu : choisissez parmi %(statuses)s.")
                % {"statuses": ", ".join(str(label) for _value, label in Status.choices)},
            )
        return status

    def _referent(self, line: Line) -> User | None:
        email = reading.text(line.values.get("referent")).lower()
        if not email:
            return None
        if email not in self._users:
            self._users[email] = User.objects.filter(email__iexact=email).first()
        user = self._users[email]
        if user is None:
            self.refuse(
                line,
                "referent",
                _(
                    "Aucun compte Tremplin n'a ce courriel : invitez d'abord la personne dans l'équipe, ou videz la cellule."
                ),
            )
        return user

    def _worksite(self, line: Line) -> Worksite | None:
        name = search_key(reading.text(line.values.get("worksite")))
        if not name:
            return None
        worksite = self._worksites.get(name)
        if worksite is None:
            self.refuse(
                line,
                "worksite",
                _("Aucun chantier actif de la structure ne porte ce nom : %(names)s.")
                % {"names": ", ".join(sorted(w.name for w in self._worksites.values())) or "—"},
            )
        return worksite

    def _contract_status(self, line: Line, status: str, has_contract: bool, dates: dict) -> str | None:
        """What the contract's dates make of it, which the pathway's status must agree with."""
        if not has_contract:
            if status in (Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP):
                self.refuse(
                    line,
                    "start_date",
                    _("Un parcours au statut « %(status)s » a un contrat : indiquez ses dates, ses heures et le poste.")
                    % {"status": Status(status).label},
                )
            return None
        start, end = dates.get("start_date"), dates.get("planned_end_date")
        if start is None or end is None:
            return None  # the contract form names the missing date
        if start > self.today:
            contract_status, expected = ContractStatus.PLANNED, (Status.ELIGIBLE,)
        elif end < self.today:
            contract_status, expected = ContractStatus.COMPLETED, AFTER_CONTRACT
        else:
            contract_status, expected = ContractStatus.ACTIVE, (Status.IN_CONTRACT,)
        if status not in expected:
            self.refuse(
                line,
                "status",
                _("Avec un contrat %(state)s, le statut du parcours doit être : %(statuses)s.")
                % {
                    "state": _CONTRACT_STATES[contract_status](),
                    "statuses": ", ".join(f"« {Status(s).label} »" for s in expected),
                },
            )
        return contract_status

    # Writing, through the services ------------------------------------------------------------------

    def _person(self, line: Line, form: PersonForm) -> tuple[Person | None, bool]:
        """The person already recorded (Person.objects.possible_duplicates, as the creation form asks), or a new one."""
        data = form.cleaned_data
        found = list(
            Person.objects.possible_duplicates(
                structure=self.structure,
                first_name=data["first_name"],
                last_name=data["last_name"],
                birth_date=data.get("birth_date"),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
            )[:3]
        )
        if len(found) > 1:
            self.refuse(
                line,
                "last_name",
                _(
                    "Plusieurs personnes déjà enregistrées pourraient être celle-ci (%(names)s) : "
                    "fusionnez ou corrigez les fiches avant l'import."
                )
                % {"names": ", ".join(p.full_name for p in found)},
            )
            return None, False
        if found:
            self.counts["people_found"] += 1
            ImportedPerson.objects.create(run=self.run, person=found[0], row=line.number, created=False)
            return found[0], False
        person = form.save(commit=False)
        person.structure = self.structure
        person.created_by = self.by
        person.save()
        self.counts["people_created"] += 1
        ImportedPerson.objects.create(run=self.run, person=person, row=line.number, created=True)
        return person, True

    def _pathway(self, person: Person, created: bool, data: dict, status: str, worksite, has_contract: bool) -> Pathway:
        """The person's pathway in this programme if they were already recorded, or a new one moved to `status`."""
        existing = (
            None
            if created
            else Pathway.objects.filter(person=person, programme=data["programme"]).order_by("-created_at").first()
        )
        if existing is not None:
            self.counts["pathways_found"] += 1
            return existing
        pathway = open_pathway(
            person=person,
            programme=data["programme"],
            by=self.by,
            referent=data.get("referent"),
            worksite=worksite,
            referral_source=data.get("referral_source", ""),
        )
        self.counts["pathways_created"] += 1
        self._move(pathway, Status.IN_CONTRACT if has_contract and status in AFTER_CONTRACT else status)
        return pathway

    def _move(self, pathway: Pathway, target: str) -> None:
        reason = _("Reprise depuis le fichier « %(name)s »") % {"name": self.run.file_name}
        for step in _path(pathway.status, target):
            change_status(pathway, step, by=self.by, reason=reason)

    def _contract(self, line: Line, pathway: Pathway, worksite, dates: dict, contract_status: str | None) -> None:
        values = line.values
        start, end = dates.get("start_date"), dates.get("planned_end_date")
        if (
            start
            and end
            and Contract.objects.filter(
                pathway__person=pathway.person,
                pathway__structure=self.structure,
                start_date=start,
                planned_end_date=end,
            ).exists()
        ):
            self.counts["contracts_found"] += 1
            return
        form = ContractForm(
            data={
                "start_date": start or "",
                "planned_end_date": end or "",
                "weekly_hours": reading.text(values.get("weekly_hours")).replace(",", "."),
                "position": reading.text(values.get("position")),
                "worksite": worksite.pk if worksite else "",
                "reduced_hours_reason": reading.text(values.get("reduced_hours_reason")),
            },
            pathway=pathway,
        )
        if not form.is_valid():
            self.refuse_errors(line, form.errors)
            return
        try:
            with transaction.atomic():  # a savepoint: a refused row must not break the file's transaction
                record_existing_contract(pathway, form.terms(), status=contract_status, by=self.by)
        except ValidationError as error:
            self.refuse_errors(line, error.message_dict)
            return
        except IntegrityError:
            self.refuse(line, "weekly_hours", _("Ce contrat sort des limites enregistrables (dates ou heures)."))
            return
        self.counts["contracts_created"] += 1


_SAME = {
    "name": lambda: _("nom, prénom et date de naissance"),
    "email": lambda: _("courriel"),
    "phone": lambda: _("téléphone"),
}
_CONTRACT_STATES = {
    ContractStatus.PLANNED: lambda: _("qui n'a pas commencé"),
    ContractStatus.COMPLETED: lambda: _("terminé"),
    ContractStatus.ACTIVE: lambda: _("en cours aujourd'hui"),
}


def _kind_names(kind: str) -> set[str]:
    """What a file may write for a programme kind: its code, its label, its short name ("ACI", "art60")."""
    from tremplin.programmes.rules.base import ProgrammeKind

    label = str(ProgrammeKind(kind).label)
    names = {search_key(kind), search_key(kind.split("_", 1)[1]), search_key(label)}
    if "(" in label:
        names.add(search_key(label.rsplit("(", 1)[1].rstrip(")")))
    return names


def _status_names() -> dict[str, str]:
    """Status codes, and labels in French (the template's language) and in the reader's language."""
    names: dict[str, str] = {}
    labels = [(value, str(label)) for value, label in Status.choices]
    with translation.override("fr"):
        labels += [(value, str(label)) for value, label in Status.choices]
    for value, label in labels:
        for name in (value, label, label.replace("·e", "").replace("·", "")):
            names[search_key(name)] = value
    return names


class _LazyStatuses(dict):
    """Status names in the language of the request that reads them (labels are translated)."""

    def get(self, key, default=None):
        return _status_names().get(key, default)


_STATUSES = _LazyStatuses()


def _path(start: str, target: str) -> list[str]:
    """The shortest chain of allowed status changes from `start` to `target` (TRANSITIONS)."""
    if start == target:
        return []
    previous: dict[str, str] = {start: ""}
    queue = deque([start])
    while queue:
        status = queue.popleft()
        for following in sorted(TRANSITIONS[status]):
            if following not in previous:
                previous[following] = status
                if following == target:
                    chain = [following]
                    while previous[chain[-1]] != start:
                        chain.append(previous[chain[-1]])
                    return chain[::-1]
                queue.append(following)
    return []
