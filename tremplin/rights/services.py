"""The person's rights: subject-access export and erasure requests.

The export gathers everything Tremplin holds about one person. Apps that
other parts of the privacy work add (consent, documents, history, access
log) are read only when installed, so the export never breaks while they
are being built, and picks them up as soon as they land.
"""

import datetime
import decimal
import inspect
import uuid
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.contracts.models import Contract, ContractStatus
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.pathways.models import Pathway, StatusChange
from tremplin.people.models import Person

from .models import ErasureRequest, ErasureStatus, RefusalReason

EXPORT_SCHEMA_VERSION = "1.0"
# Proofs of eligibility are kept for the State's checks this long after the pathway starts.
ELIGIBILITY_PROOF_RETENTION_MONTHS = 24

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "nationality",
    "languages",
    "french_level",
    "driving_licence",
    "has_vehicle",
    "recognised_disability",
    "created_at",
    "updated_at",
)
# Internal or technical columns that say nothing about the person.
SKIPPED_FIELDS = {"id", "phone_normalised", "structure", "person", "pathway"}


def plain(value: Any) -> Any:
    """A JSON-ready value: ISO dates, strings for UUIDs and decimals."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        public_id = getattr(value, "public_id", None)
        return str(public_id) if public_id and not _is_user(value) else str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a stored file: its name, never its content
        return value.name or ""
    return value


def _is_user(obj: models.Model) -> bool:
    return obj._meta.label_lower == apps.get_model("accounts", "User")._meta.label_lower


def record_to_dict(obj: models.Model, *, skip: set[str] = frozenset()) -> dict[str, Any]:
    """Every concrete field of a record, with the readable label of coded values."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or field.name in skip:
            continue
        if field.name == "public_id":
            data["id"] = str(obj.public_id)
            continue
        value = getattr(obj, field.name)
        data[field.name] = plain(value)
        if field.choices and value not in (None, ""):
            data[f"{field.name}_label"] = str(getattr(obj, f"get_{field.name}_display")())
    return data


def _person_section(person: Person) -> dict[str, Any]:
    identity = {name: plain(getattr(person, name)) for name in PERSON_FIELDS}
    for name in ("nationality", "french_level", "driving_licence"):
        if getattr(person, name):
            identity[f"{name}_label"] = str(getattr(person, f"get_{name}_display")())
    identity["id"] = str(person.public_id)
    identity["structure"] = person.structure.name
    return identity


def _status_change(change: StatusChange) -> dict[str, Any]:
    return {
        "at": plain(change.changed_at),
        "from_status": change.from_status,
        "to_status": change.to_status,
        "to_status_label": str(change.get_to_status_display()),
        "by": str(change.changed_by) if change.changed_by else "",
        "reason": change.reason,
    }


def _pathways_section(pathways) -> list[dict[str, Any]]:
    section = []
    for pathway in pathways:
        data = record_to_dict(pathway, skip={"programme", "referent", "supervisor", "worksite"})
        data.update(
            programme=pathway.programme.name,
            referent=str(pathway.referent) if pathway.referent else "",
            supervisor=str(pathway.supervisor) if pathway.supervisor else "",
            worksite=pathway.worksite.name if pathway.worksite else "",
            status_history=[_status_change(change) for change in pathway.status_changes.all()],
        )
        section.append(data)
    return section


def _diagnoses_section(diagnoses) -> list[dict[str, Any]]:
    section = []
    for diagnosis in diagnoses:
        data = record_to_dict(diagnosis)
        data["pathway"] = str(diagnosis.pathway.public_id)
        data["proofs"] = [record_to_dict(proof, skip={"diagnosis"}) for proof in diagnosis.proofs.all()]
        section.append(data)
    return section


def _contracts_section(contracts) -> list[dict[str, Any]]:
    section = []
    for contract in contracts:
        data = record_to_dict(contract, skip={"worksite", "renews"})
        data.update(
            pathway=str(contract.pathway.public_id),
            worksite=contract.worksite.name if contract.worksite else "",
            renews=str(contract.renews.public_id) if contract.renews_id else "",
            suspensions=[record_to_dict(s, skip={"contract"}) for s in contract.suspensions.all()],
        )
        section.append(data)
    return section


def _records_of_app(app_label: str, person: Person, pathway_ids: list[int]) -> list[dict[str, Any]]:
    """Records of an optional app that point at the person or one of their pathways, whatever their shape."""
    if not apps.is_installed(f"tremplin.{app_label}"):
        return []
    found = []
    for model in apps.get_app_config(app_label).get_models():
        if model.__name__.startswith("Historical"):
            continue
        lookups = []
        for field in model._meta.concrete_fields:
            if not field.is_relation or field.related_model is None:
                continue
            if field.related_model is Person:
                lookups.append(models.Q(**{field.name: person}))
            elif field.related_model is Pathway and pathway_ids:
                lookups.append(models.Q(**{f"{field.name}_id__in": pathway_ids}))
        if not lookups:
            continue
        query = lookups[0]
        for lookup in lookups[1:]:
            query |= lookup
        for obj in model._default_manager.filter(query).order_by("pk"):
            data = {"type": str(model._meta.verbose_name)}
            data.update(record_to_dict(obj))
            found.append(data)
    return found


def _history_section(person: Person, pathways, contracts) -> list[dict[str, Any]]:
    """Changes recorded by django-simple-history on the person's records, when it is set up."""
    changes = []
    for obj in [person, *pathways, *contracts]:
        history = getattr(obj, "history", None)
        if history is None:
            continue
        previous = None
        for record in history.order_by("history_date", "history_id"):
            changed: list[str] = []
            if previous is not None:
                try:
                    changed = sorted(change.field for change in record.diff_against(previous).changes)
                except Exception:  # noqa: BLE001 — a history row of an older schema must not stop the export
                    changed = []
            changes.append(
                {
                    "record": str(obj._meta.verbose_name),
                    "record_id": str(obj.public_id),
                    "at": plain(record.history_date),
                    "type": {"+": "create", "~": "update", "-": "delete"}.get(record.history_type, record.history_type),
                    "by": str(record.history_user) if getattr(record, "history_user", None) else "",
                    "changed_fields": changed,
                }
            )
            previous = record
    return changes


def _access_log_section(person: Person) -> list[dict[str, Any]]:
    """Who read or changed the person's file. Staff IP addresses and hash-chain values are left out."""
    try:
        from tremplin.audit.services import entries_for_person
    except ImportError:
        return []
    return [
        {
            "at": plain(entry.at),
            "by": entry.actor_email,
            "action": entry.action,
            "part": entry.part,
            "screen": entry.screen,
            "object_id": plain(entry.object_public_id) or "",
        }
        for entry in entries_for_person(person).order_by("at")
    ]


def export_person(person: Person) -> dict[str, Any]:
    """Everything held about one person, as the answer to a subject-access request (GDPR art. 15 and 20)."""
    pathways = list(
        Pathway.objects.filter(person=person)
        .select_related("programme", "referent", "supervisor", "worksite")
        .prefetch_related("status_changes__changed_by")
        .order_by("created_at")
    )
    pathway_ids = [p.pk for p in pathways]
    diagnoses = (
        EligibilityDiagnosis.objects.filter(pathway_id__in=pathway_ids)
        .select_related("pathway", "made_by")
        .prefetch_related("proofs")
        .order_by("made_on", "created_at")
    )
    contracts = list(
        Contract.objects.filter(pathway_id__in=pathway_ids)
        .select_related("pathway", "worksite", "renews", "signed_by")
        .prefetch_related("suspensions__recorded_by")
        .order_by("start_date")
    )
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generated_at": plain(timezone.now()),
        "controller": {"name": person.structure.name, "id": str(person.structure.public_id)},
        "person": _person_section(person),
        "pathways": _pathways_section(pathways),
        "eligibility_diagnoses": _diagnoses_section(diagnoses),
        "contracts": _contracts_section(contracts),
        "consents": _records_of_app("consent", person, pathway_ids),
        "documents": _records_of_app("documents", person, pathway_ids),
        "erasure_requests": [
            record_to_dict(r, skip={"recorded_by", "decided_by"}) for r in person.erasure_requests.all()
        ],
        "history": _history_section(person, pathways, contracts),
        "access_log": _access_log_section(person),
    }


# Erasure requests ---------------------------------------------------------------------------------------------


def record_erasure_request(*, person: Person, received_on, channel: str, note: str, recorded_by) -> ErasureRequest:
    if received_on and received_on > timezone.localdate():
        raise ValidationError({"received_on": _("La date de réception ne peut pas être dans le futur.")})
    return ErasureRequest.objects.create(
        structure=person.structure,
        person=person,
        received_on=received_on,
        channel=channel,
        note=note,
        recorded_by=recorded_by,
    )


def refusal_grounds(person: Person, today: datetime.date | None = None) -> list[str]:
    """Reasons the law gives to refuse erasure that apply to this person today (a help for the decision)."""
    today = today or timezone.localdate()
    grounds = []
    if Contract.objects.filter(
        pathway__person=person, status__in=(ContractStatus.ACTIVE, ContractStatus.SUSPENDED, ContractStatus.PLANNED)
    ).exists():
        grounds.append(RefusalReason.CONTRACT_IN_PROGRESS)
    limit = _months_before(today, ELIGIBILITY_PROOF_RETENTION_MONTHS)
    if EligibilityDiagnosis.objects.filter(
        pathway__person=person, pathway__created_at__date__gt=limit, proofs__isnull=False
    ).exists():
        grounds.append(RefusalReason.ELIGIBILITY_PROOFS)
    if apps.is_installed("tremplin.retention"):
        try:
            from tremplin.retention.models import LegalHold
        except ImportError:
            LegalHold = None  # noqa: N806
        if LegalHold is not None and LegalHold.objects.filter(person=person, lifted_on__isnull=True).exists():
            grounds.append(RefusalReason.LEGAL_HOLD)
    return grounds


def _months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _anonymiser():
    """retention.services.anonymise_person when the retention app offers it, else None."""
    if not apps.is_installed("tremplin.retention"):
        return None
    try:
        from tremplin.retention import services as retention_services
    except ImportError:
        return None
    return getattr(retention_services, "anonymise_person", None)


@transaction.atomic
def accept_erasure(erasure: ErasureRequest, *, decided_by) -> ErasureRequest:
    """Accepts: anonymises at once when the retention app can, otherwise leaves it to the retention purge."""
    _check_pending(erasure)
    erasure.status = ErasureStatus.ACCEPTED
    erasure.decided_by = decided_by
    erasure.decided_at = timezone.now()
    erasure.refusal_reason = ""
    erasure.refusal_detail = ""
    anonymise = _anonymiser()
    if anonymise is not None and erasure.person is not None:
        person_pk = erasure.person_id
        if "today" in inspect.signature(anonymise).parameters:
            anonymise(erasure.person, today=timezone.localdate())
        else:
            anonymise(erasure.person)
        erasure.status = ErasureStatus.DONE
        # Anonymising may delete the record: the request stays, pointing at no one.
        erasure.person_id = Person.objects.filter(pk=person_pk).values_list("pk", flat=True).first()
    erasure.save()
    return erasure


@transaction.atomic
def refuse_erasure(erasure: ErasureRequest, *, reason: str, detail: str, decided_by) -> ErasureRequest:
    _check_pending(erasure)
    if reason not in RefusalReason.values:
        raise ValidationError({"refusal_reason": _("Motif du refus : choisissez un motif dans la liste.")})
    if reason == RefusalReason.OTHER and not detail.strip():
        raise ValidationError({"refusal_detail": _("Précisions : obligatoires quand le motif est « Autre ».")})
    erasure.status = ErasureStatus.REFUSED
    erasure.refusal_reason = reason
    erasure.refusal_detail = detail.strip()
    erasure.decided_by = decided_by
    erasure.decided_at = timezone.now()
    erasure.save()
    return erasure


def _check_pending(erasure: ErasureRequest) -> None:
    if not erasure.is_pending:
        raise ValidationError(_("Cette demande a déjà reçu une réponse."))
