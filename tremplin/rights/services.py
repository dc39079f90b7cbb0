"""The person's rights: subject-access export and erasure requests.

The export gathers everything Tremplin holds about one person: one section per declaration of the
personal-data registry (decision 0010), then the history of changes of every declared model kept in the
change history, and the access log.
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
from tremplin.core import personal_data
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.people.models import Person

from .models import ErasureRequest, ErasureStatus, RefusalReason

# 2.0: one flat section per declaration of the registry (status changes, proofs and suspensions left
# their parent's record), each record naming its parent by id.
EXPORT_SCHEMA_VERSION = "2.0"
# Proofs of eligibility are kept for the State's checks this long after the pathway starts.
ELIGIBILITY_PROOF_RETENTION_MONTHS = 24

# Internal or technical columns that say nothing about the person.
SKIPPED_FIELDS = {"id", "phone_normalised"}


def plain(value: Any) -> Any:
    """A JSON-ready value: ISO dates, strings for UUIDs and decimals, a file's name (never its content)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):
        return value.name or ""
    return value


def _exported_fields(declaration: personal_data.PersonalData) -> list[models.Field]:
    model = declaration.model_class
    section = declaration.export
    # Many-to-many links (an objective's barriers, decision 0013) are part of the record too.
    names = section.fields or [f.name for f in (*model._meta.concrete_fields, *model._meta.many_to_many)]
    person = apps.get_model(personal_data.PERSON_MODEL)
    fields = []
    for name in names:
        field = model._meta.get_field(name)
        if name in SKIPPED_FIELDS or name in section.exclude or (field.is_relation and field.related_model is person):
            continue
        fields.append(field)
    return fields


def record_to_dict(obj: models.Model, fields: list[models.Field]) -> dict[str, Any]:
    """The fields of a record, with the readable label of coded values; a link to another record of the
    person is its id in this export, any other link (staff, worksite, programme) its name."""
    personal_models = {d.model for d in personal_data.personal()}
    data: dict[str, Any] = {}
    for field in fields:
        if field.name == "public_id":
            data["id"] = str(obj.public_id)
            continue
        if field.many_to_many:
            linked = getattr(obj, field.name).all()
            personal = field.related_model._meta.label in personal_models
            data[field.name] = [str(getattr(r, "public_id", None) or r.pk) if personal else plain(r) for r in linked]
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            if related is not None and field.related_model._meta.label in personal_models:
                data[field.name] = str(getattr(related, "public_id", None) or related.pk)
            else:
                data[field.name] = plain(related) if related is not None else ""
            continue
        value = getattr(obj, field.name)
        data[field.name] = plain(value)
        if field.choices and value not in (None, ""):
            data[f"{field.name}_label"] = str(getattr(obj, f"get_{field.name}_display")())
    return data


def _section(declaration: personal_data.PersonalData, person: Person) -> Any:
    fields = _exported_fields(declaration)
    related = [f.name for f in fields if f.is_relation and not f.many_to_many]
    linked = [f.name for f in fields if f.many_to_many]
    rows = (
        declaration.rows_of(person)
        .select_related(*related)
        .prefetch_related(*linked)
        .order_by(*declaration.export.ordering)
    )
    records = [record_to_dict(obj, fields) for obj in rows]
    if declaration.export.single:
        return records[0] if records else {}
    return records


def _history_section(person: Person) -> list[dict[str, Any]]:
    """Changes kept by the change history on every declared record of the person: when, by whom, which
    fields (their values are in the sections above)."""
    ids = personal_data.record_ids(person.pk)
    changes = []
    for declaration in personal_data.personal():
        past = personal_data.history_model(declaration.model_class) if declaration.history else None
        if past is None:
            continue
        previous: dict[Any, Any] = {}
        rows = past.objects.filter(id__in=ids[declaration.model_class]).select_related("history_user")
        for record in rows.order_by("history_date", "history_id"):
            changed: list[str] = []
            before = previous.get(record.id)
            if before is not None:
                try:
                    changed = sorted(change.field for change in record.diff_against(before).changes)
                except Exception:  # noqa: BLE001 — a history row of an older schema must not stop the export
                    changed = []
            changes.append(
                {
                    "record": declaration.name,
                    "record_id": str(getattr(record, "public_id", None) or record.id),
                    "at": plain(record.history_date),
                    "type": {"+": "create", "~": "update", "-": "delete"}.get(record.history_type, record.history_type),
                    "by": str(record.history_user) if record.history_user else "",
                    "changed_fields": changed,
                }
            )
            previous[record.id] = record
    changes.sort(key=lambda change: change["at"])
    return changes


def _access_log_section(person: Person) -> list[dict[str, Any]]:
    """Who read or changed the person's file. Staff IP addresses and hash-chain values are left out."""
    from tremplin.audit.services import entries_for_person

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
    data: dict[str, Any] = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generated_at": plain(timezone.now()),
        "controller": {"name": person.structure.name, "id": str(person.structure.public_id)},
    }
    for declaration in personal_data.exported():
        data[declaration.export.key] = _section(declaration, person)
    data["history"] = _history_section(person)
    data["access_log"] = _access_log_section(person)
    return data


def readable_sections(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's sections for the readable PDF, from the registry: a title, and per record the pairs
    (field's label, value), a coded value shown by its label."""
    sections = []
    for declaration in personal_data.exported():
        records = data.get(declaration.export.key)
        if declaration.export.single:
            records = [records] if records else []
        fields = [f for f in _exported_fields(declaration) if f.name != "public_id"]
        rows = []
        for record in records or []:
            pairs = []
            for field in fields:
                shown = (
                    record.get(f"{field.name}_label", record.get(field.name)) if field.choices else record[field.name]
                )
                label = str(field.verbose_name)
                pairs.append((label[:1].upper() + label[1:], shown))
            rows.append(pairs)
        sections.append({"key": declaration.export.key, "title": declaration.title, "records": rows})
    return sections


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
