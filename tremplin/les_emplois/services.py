"""Connecting a structure to les emplois de l'inclusion and pulling its hires.

The key of a hire is (SIRET, PASS IAE): the structure is found by its SIRET, the pathway by its PASS IAE in
that structure, so pulling twice creates nothing new. A person who may already be in Tremplin (same name
and birth date, e-mail or phone: `Person.objects.possible_duplicates`) is never merged: the record waits
in the "to link" list until a member links it or creates a new person. Each record is imported in its own
transaction; a run that stops on a page (time-out, throttling past the retries) keeps that page's URL and
the next pull of the structure starts there.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.eligibility.services import record_diagnosis
from tremplin.pathways.models import Pathway
from tremplin.people.models import Person
from tremplin.programmes.models import Programme
from tremplin.programmes.rules.base import ProofInput
from tremplin.structures.models import Country, Structure

from . import mapping
from .client import Client, PlatformError, PlatformUnavailable
from .models import Connection, Outcome, RunStatus, SyncRecord, SyncRun

PLATFORM_REFERENCE = "les emplois de l'inclusion"
COUNTERS = {
    Outcome.CREATED: "created",
    Outcome.UPDATED: "updated",
    Outcome.UNCHANGED: "unchanged",
    Outcome.TO_LINK: "to_link",
    Outcome.REJECTED: "rejected",
    Outcome.SKIPPED: "skipped",
}


def connection_problem(structure: Structure) -> str | None:
    if structure.country != Country.FRANCE:
        return _("Les emplois de l'inclusion ne concernent que les structures françaises (SIAE).")
    if not structure.siret:
        return _(
            "Renseignez d'abord le SIRET de la structure dans ses paramètres : il relie les embauches à la structure."
        )
    return None


def store_connection(
    structure: Structure, *, base_url: str, username: str, password: str, by, client=None
) -> Connection:
    """Asks the platform for a token with the password (never stored) and keeps the token encrypted."""
    problem = connection_problem(structure)
    if problem:
        raise ValidationError({"base_url": problem})
    client = client or Client(base_url)
    try:
        token = client.obtain_token(username, password)
    except PlatformError as error:
        raise ValidationError({"password": str(error)}) from error
    connection = Connection.objects.filter(structure=structure).first() or Connection(structure=structure)
    connection.base_url = base_url
    connection.username = username
    connection.created_by = by
    connection.set_token(token)
    connection.checked_at = timezone.now()
    connection.check_result = _("Jeton obtenu.")
    connection.save()
    return connection


def client_for(connection: Connection, **kwargs) -> Client:
    return Client(connection.base_url, connection.token, **kwargs)


def check_connection(connection: Connection, client: Client | None = None) -> str | None:
    """Reads the first page of records; returns the problem, or None when the connection works."""
    client = client or client_for(connection)
    try:
        page = client.page(client.first_url())
        problem = None
        connection.check_result = _("Connexion en état de marche : %(n)s fiches salarié visibles.") % {"n": page.count}
    except PlatformError as error:
        problem = str(error)
        connection.check_result = problem[:300]
    connection.checked_at = timezone.now()
    connection.save(update_fields=["checked_at", "check_result", "updated_at"])
    return problem


def resume_point(structure: Structure) -> SyncRun | None:
    """The last run of the structure when it stopped half-way (time-outs, or a token refused and since
    renewed): the next pull continues at the page it stopped on."""
    last = SyncRun.objects.filter(structure=structure, dry_run=False).order_by("-started_at", "-id").first()
    if last and last.status in (RunStatus.INTERRUPTED, RunStatus.FAILED) and last.resume_url:
        return last
    return None


def pull(
    structure: Structure,
    client: Client,
    *,
    by=None,
    since: datetime.date | None = None,
    statuses: tuple[str, ...] = (),
    dry_run: bool = False,
) -> SyncRun:
    """Pulls the account's records page by page and imports those of `structure`; returns the run."""
    previous = None if dry_run else resume_point(structure)
    start_url = previous.resume_url if previous else client.first_url(statuses=statuses, since=since)
    run = SyncRun.objects.create(
        structure=structure,
        started_by=by,
        started_at=timezone.now(),
        since=since,
        dry_run=dry_run,
        resume_url=start_url,
    )
    programmes = _programmes(structure)
    try:
        for page in client.pages(start_url):
            for record in page.results:
                outcome = import_record(structure, record, run, programmes=programmes, dry_run=dry_run)
                setattr(run, COUNTERS[outcome], getattr(run, COUNTERS[outcome]) + 1)
            run.pages += 1
            run.resume_url = page.next_url
            run.save(update_fields=[*COUNTERS.values(), "pages", "resume_url", "updated_at"])
    except PlatformUnavailable as error:
        run.status = RunStatus.INTERRUPTED
        run.error = str(error)[:500]
    except PlatformError as error:
        run.status = RunStatus.FAILED
        run.error = str(error)[:500]
    else:
        run.status = RunStatus.FINISHED
        run.resume_url = ""
    run.finished_at = timezone.now()
    run.save()
    return run


def _programmes(structure: Structure) -> dict[str, Programme]:
    found: dict[str, Programme] = {}
    for programme in Programme.objects.filter(structure=structure, is_active=True).order_by("created_at", "pk"):
        found.setdefault(programme.kind, programme)
    return found


def _note(run: SyncRun, record, outcome: str, reason: str = "", person=None, payload=None) -> str:
    """One line of the report; a record already imported and unchanged is only counted (a nightly pull
    would otherwise add a line per hire each night)."""
    if outcome == Outcome.UNCHANGED:
        return outcome
    siret, pass_iae = mapping.raw_keys(record)
    SyncRecord.objects.create(
        run=run,
        siret=siret,
        pass_iae=pass_iae,
        full_name=mapping.display_name(record),
        outcome=outcome,
        reason=str(reason)[:500],
        person=person,
        payload=payload or {},
    )
    return outcome


def import_record(structure: Structure, record, run: SyncRun, *, programmes: dict, dry_run: bool = False) -> str:
    """Imports one record in its own transaction and notes the outcome in the run's report."""
    try:
        hire = mapping.parse(record)
    except mapping.Unusable as error:
        return _note(run, record, Outcome.REJECTED, str(error))
    if hire.siret != structure.siret:
        if Structure.objects.filter(siret=hire.siret).exists():
            return _note(run, record, Outcome.SKIPPED, _("Embauche d'une autre structure de Tremplin."))
        return _note(run, record, Outcome.REJECTED, _("SIRET %(siret)s inconnu dans Tremplin.") % {"siret": hire.siret})
    programme = programmes.get(hire.programme_kind)
    if programme is None:
        return _note(
            run,
            record,
            Outcome.REJECTED,
            _("La structure n'a pas de dispositif actif du type de cette mesure : créez-le dans « Dispositifs »."),
        )
    try:
        with transaction.atomic():
            outcome, person, reason = _apply(structure, hire, programme, dry_run=dry_run)
    except ValidationError as error:
        return _note(run, record, Outcome.REJECTED, "; ".join(error.messages))
    payload = record if outcome == Outcome.TO_LINK and not dry_run else None
    return _note(run, record, outcome, reason, person=None if dry_run else person, payload=payload)


def _apply(structure, hire: mapping.Hire, programme, *, dry_run: bool):
    """What the record does to Tremplin; a dry run decides the same without writing anything."""
    pathway = (
        Pathway.objects.select_related("person").filter(structure=structure, pass_iae_number=hire.pass_iae).first()
    )
    if pathway is not None:
        changed = _update(pathway, hire, save=not dry_run)
        return (Outcome.UPDATED if changed else Outcome.UNCHANGED), pathway.person, ""
    waiting = SyncRecord.objects.filter(
        run__structure=structure,
        run__dry_run=False,
        outcome=Outcome.TO_LINK,
        resolved_at__isnull=True,
        pass_iae=hire.pass_iae,
    ).first()
    if waiting is not None:
        return Outcome.UNCHANGED, None, _("Déjà dans la liste « à rapprocher ».")
    duplicate = (
        Person.objects.possible_duplicates(
            structure=structure,
            first_name=hire.first_name,
            last_name=hire.last_name,
            birth_date=hire.birth_date,
            email=hire.email,
            phone=hire.phone,
        )
        .order_by("pk")
        .first()
    )
    if duplicate is not None:
        return (
            Outcome.TO_LINK,
            duplicate,
            _(
                "Une personne de la structure a le même nom et la même date de naissance, ou le même courriel ou téléphone."
            ),
        )
    if dry_run:
        return Outcome.CREATED, None, ""
    person = Person.objects.create(structure=structure, **_person_fields(hire))
    _open_pathway(structure, person, programme, hire)
    return Outcome.CREATED, person, ""


def _person_fields(hire: mapping.Hire) -> dict:
    email = hire.email
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    return {
        "first_name": hire.first_name,
        "last_name": hire.last_name,
        "birth_date": hire.birth_date,
        "email": email,
        "phone": hire.phone,
        "address": hire.address,
        "postcode": hire.postcode,
        "recognised_disability": hire.recognised_disability,
    }


def _update(pathway: Pathway, hire: mapping.Hire, *, save: bool = True) -> bool:
    """The platform is the reference for the PASS IAE; the person's details it only completes (what the
    staff corrected in Tremplin is not overwritten every night)."""
    person = pathway.person
    person_values = {name: value for name, value in _person_fields(hire).items() if isinstance(value, str)}
    person_fields = [name for name, value in person_values.items() if value and not getattr(person, name)]
    pathway_values = {"pass_iae_start": hire.pass_start, "pass_iae_end": hire.pass_end, "itou_id": hire.itou_id}
    pathway_fields = [name for name, value in pathway_values.items() if value and getattr(pathway, name) != value]
    if save and person_fields:
        for name in person_fields:
            setattr(person, name, person_values[name])
        person.save(update_fields=[*person_fields, "updated_at"])
    if save and pathway_fields:
        for name in pathway_fields:
            setattr(pathway, name, pathway_values[name])
        pathway.save(update_fields=[*pathway_fields, "updated_at"])
    return bool(person_fields or pathway_fields)


def _open_pathway(structure, person, programme, hire: mapping.Hire) -> Pathway:
    pathway = Pathway.objects.create(
        person=person,
        structure=structure,
        programme=programme,
        pass_iae_number=hire.pass_iae,
        pass_iae_start=hire.pass_start,
        pass_iae_end=hire.pass_end,
        itou_id=hire.itou_id,
        referral_source=hire.referral_source,
    )
    _record_platform_criteria(pathway, hire)
    return pathway


def _record_platform_criteria(pathway: Pathway, hire: mapping.Hire) -> None:
    """The criteria the platform's situation implies, as a diagnosis with no proof file (reference: the
    platform). A set the programme's rules refuse is left for the counsellor to record by hand."""
    known = pathway.programme.rules.criteria_by_code
    codes = [code for code in hire.criteria if code in known]
    if not codes:
        return
    today = timezone.localdate()
    proofs = [ProofInput(criterion_code=code, proof_date=today, proof_reference=PLATFORM_REFERENCE) for code in codes]
    try:
        with transaction.atomic():
            record_diagnosis(
                pathway,
                proofs,
                on=today,
                by=None,
                comment=_("Critères déclarés sur les emplois de l'inclusion, sans justificatif déposé dans Tremplin."),
            )
    except ValidationError:
        pass


@transaction.atomic
def link_record(record: SyncRecord, person: Person, *, by) -> Pathway:
    """Staff chose: the record's hire is this person already in Tremplin (a new pathway with the PASS IAE)."""
    _check_waiting(record)
    hire = mapping.parse(record.payload)
    programme = _programmes(record.run.structure).get(hire.programme_kind)
    if programme is None or person.structure_id != record.run.structure_id:
        raise ValidationError(
            {"choice": _("Ce rapprochement n'est plus possible : le dispositif ou la personne a changé.")}
        )
    pathway = _open_pathway(record.run.structure, person, programme, hire)
    _resolve(record, person)
    return pathway


@transaction.atomic
def create_from_record(record: SyncRecord, *, by) -> Person:
    """Staff chose: the hire is someone new, despite the likeness."""
    _check_waiting(record)
    hire = mapping.parse(record.payload)
    programme = _programmes(record.run.structure).get(hire.programme_kind)
    if programme is None:
        raise ValidationError({"choice": _("La structure n'a plus de dispositif actif de ce type.")})
    person = Person.objects.create(structure=record.run.structure, created_by=by, **_person_fields(hire))
    _open_pathway(record.run.structure, person, programme, hire)
    _resolve(record, person)
    return person


def _check_waiting(record: SyncRecord) -> None:
    if record.outcome != Outcome.TO_LINK or record.resolved_at is not None:
        raise ValidationError({"choice": _("Cette fiche a déjà été traitée.")})
    if Pathway.objects.filter(structure=record.run.structure_id, pass_iae_number=record.pass_iae).exists():
        raise ValidationError({"choice": _("Ce PASS IAE est déjà sur un parcours de la structure.")})


def _resolve(record: SyncRecord, person: Person) -> None:
    record.person = person
    record.resolved_at = timezone.now()
    record.payload = {}
    record.save(update_fields=["person", "resolved_at", "payload", "updated_at"])


def pull_structure(structure: Structure, *, by=None, since=None, dry_run: bool = False) -> SyncRun | None:
    """The scheduled pull of a structure with its stored connection (None without one)."""
    connection = Connection.objects.filter(structure=structure).first()
    if connection is None:
        return None
    return pull(structure, client_for(connection), by=by, since=since, dry_run=dry_run)
