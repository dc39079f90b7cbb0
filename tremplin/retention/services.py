"""Which data has outlived its retention period, and the purge that anonymises it.

A person is anonymised, never deleted: pathways, statuses, dates, contract
durations and exit reasons stay so that the structure's statistics do not
change, while identity, contact details and free texts go.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.audit.services import log_event
from tremplin.core import personal_data
from tremplin.core.dates import add_months, age_on
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway
from tremplin.people.history import forget_history
from tremplin.people.models import Person

from .models import LegalHold, RetentionRecord, RetentionSetting
from .rules import RULES, Category
from .signals import person_anonymised


def all_overrides(structure=None) -> dict[tuple[int, str], int]:
    settings = RetentionSetting.objects.all()
    if structure is not None:
        settings = settings.filter(structure=structure)
    return {
        (s_id, category): months
        for s_id, category, months in settings.values_list("structure_id", "category", "months")
    }


def months_for(structure_id: int, category: str, overrides: dict[tuple[int, str], int]) -> int:
    """The structure's duration for a category: its override if any, else the default."""
    return overrides.get((structure_id, category), RULES[category].default_months)


def save_settings(structure, months_by_category: dict[str, int | None], *, by) -> None:
    """Stores the structure's overrides; None or the default removes the override."""
    with transaction.atomic():
        for category, months in months_by_category.items():
            rule = RULES[category]
            if months is None or months == rule.default_months:
                RetentionSetting.objects.filter(structure=structure, category=category).delete()
                continue
            if not rule.overridable:
                raise ValidationError({category: _("Cette durée ne se règle pas ici.")})
            if not rule.min_months <= months <= rule.max_months:
                raise ValidationError({category: rule.bound_message()})
            RetentionSetting.objects.update_or_create(
                structure=structure, category=category, defaults={"months": months, "updated_by": by}
            )


@dataclass
class PlannedAction:
    person: Person
    category: str
    due_since: datetime.date
    reason: str
    pathways: list = field(default_factory=list)

    @property
    def category_label(self) -> str:
        return Category(self.category).label


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def pathway_start(pathway: Pathway) -> datetime.date:
    """Start counted for the State's checks: the first contract's start, else the day the pathway opened."""
    starts = [contract.start_date for contract in pathway.contracts.all()]
    return min(starts) if starts else _local_date(pathway.created_at)


def last_contact(person: Person) -> datetime.date:
    """Latest of the pathways' status changes and the contracts' ends (interviews will join later)."""
    days = [_local_date(person.created_at)]
    for pathway in person.pathways.all():
        days.append(_local_date(pathway.status_changed_at))
        days.extend(contract.effective_end_date for contract in pathway.contracts.all())
    return max(days)


def _has_proofs(pathway: Pathway) -> bool:
    return any(diagnosis.proofs.all() for diagnosis in pathway.eligibility_diagnoses.all())


def _candidates(structure=None):
    people = (
        Person.objects.exclude(pk__in=LegalHold.objects.active().values("person_id"))
        .exclude(retention_record__anonymised_on__isnull=False)
        .select_related("structure")
        .prefetch_related("pathways__contracts", "pathways__eligibility_diagnoses__proofs")
        .order_by("structure_id", "last_name", "first_name", "pk")
    )
    if structure is not None:
        people = people.filter(structure=structure)
    return people


def plan_for_person(person: Person, today: datetime.date, overrides: dict) -> list[PlannedAction]:
    pathways = list(person.pathways.all())
    if any(pathway.status in ACTIVE_STATUSES for pathway in pathways):
        return []  # Kept while the support lasts.
    proof_months = months_for(person.structure_id, Category.ELIGIBILITY_PROOFS, overrides)
    proof_due = {
        pathway: add_months(pathway_start(pathway), proof_months) for pathway in pathways if _has_proofs(pathway)
    }
    contact = last_contact(person)
    file_due = add_months(contact, months_for(person.structure_id, Category.ACTIVE_FILE, overrides))
    anonymise_on = max([file_due, *proof_due.values()])
    if anonymise_on <= today:
        return [
            PlannedAction(
                person,
                Category.ACTIVE_FILE,
                anonymise_on,
                _("Aucun parcours en cours ; dernier contact le %(day)s.") % {"day": contact.strftime("%d/%m/%Y")},
                pathways,
            )
        ]
    due_pathways = [pathway for pathway, due in proof_due.items() if due <= today]
    if not due_pathways:
        return []
    return [
        PlannedAction(
            person,
            Category.ELIGIBILITY_PROOFS,
            max(proof_due[pathway] for pathway in due_pathways),
            _("Délai des contrôles de l'État écoulé pour les justificatifs de %(count)s parcours clos.")
            % {"count": len(due_pathways)},
            due_pathways,
        )
    ]


def plan_purge(today: datetime.date | None = None, structure=None) -> list[PlannedAction]:
    """What the purge would do on `today`; writes nothing."""
    today = today or timezone.localdate()
    overrides = all_overrides(structure)
    actions: list[PlannedAction] = []
    for person in _candidates(structure):
        actions.extend(plan_for_person(person, today, overrides))
    return actions


def age_band(birth_date: datetime.date | None, on: datetime.date) -> str:
    """The age band used by the funders' statistics, all that remains of the birth date."""
    if birth_date is None:
        return ""
    age = age_on(birth_date, on)
    if age < 26:
        return "<26"
    if age < 50:
        return "26-49"
    return "50+"


def _department(postcode: str) -> str:
    postcode = (postcode or "").strip()
    if postcode[:2] in ("97", "98"):
        return postcode[:3]
    return postcode[:2]


def erase_personal_data(person: Person) -> None:
    """Erases, deletes or runs the extra step of every personal-data declaration (decision 0010), over the
    person's records found through the registry."""
    ids = personal_data.record_ids(person.pk)
    for declaration in personal_data.personal():
        model = declaration.model_class
        rows = model._base_manager.filter(pk__in=ids[model])
        if declaration.on_anonymise is not None:
            declaration.on_anonymise(rows)
        if declaration.delete:
            rows.delete()
        elif declaration.erase:
            rows.update(**declaration.erased_values())


def anonymise_person(person: Person, today: datetime.date) -> None:
    pathways = list(person.pathways.all())
    starts = [pathway_start(pathway) for pathway in pathways]
    record, _created = RetentionRecord.objects.get_or_create(person=person)
    if record.anonymised_on is None:  # a second pass finds no birth date nor postcode: it keeps the first's figures
        record.age_band = age_band(person.birth_date, min(starts) if starts else _local_date(person.created_at))
        record.department = _department(person.postcode)
    erase_personal_data(person)
    person.refresh_from_db()
    # Past versions kept by the change history hold the identity too (suspensions included).
    forget_history(person.pk)
    person_anonymised.send(sender=Person, person=person, today=today)
    log_event(actor=None, structure=person.structure_id, person=person, part="retention:anonymised", action="update")
    record.anonymised_on = today
    record.proofs_deleted_on = record.proofs_deleted_on or today
    record.save()


def delete_proofs(person: Person, pathways: list, today: datetime.date) -> None:
    """Deletes what the registry files under the eligibility proofs' retention, for the pathways given."""
    for declaration in personal_data.personal():
        if declaration.retention == personal_data.ELIGIBILITY_PROOFS and declaration.pathway_path:
            declaration.model_class._base_manager.filter(**{f"{declaration.pathway_path}__in": pathways}).delete()
    log_event(actor=None, structure=person.structure_id, person=person, part="retention:proofs", action="delete")
    RetentionRecord.objects.update_or_create(person=person, defaults={"proofs_deleted_on": today})


def apply_purge(today: datetime.date | None = None, structure=None) -> list[PlannedAction]:
    """Applies the plan, one transaction per person; a person held in the meantime is skipped. Idempotent."""
    today = today or timezone.localdate()
    done: list[PlannedAction] = []
    for action in plan_purge(today, structure):
        with transaction.atomic():
            person = Person.objects.select_for_update().get(pk=action.person.pk)
            if LegalHold.objects.active().filter(person=person).exists():
                continue
            if action.category == Category.ACTIVE_FILE:
                person._prefetched_objects_cache = action.person._prefetched_objects_cache
                anonymise_person(person, today)
            else:
                delete_proofs(person, action.pathways, today)
        done.append(action)
    return done


def is_anonymised(person: Person) -> bool:
    return RetentionRecord.objects.filter(person=person, anonymised_on__isnull=False).exists()


def place_hold(person: Person, *, reason: str, by, placed_on: datetime.date | None = None) -> LegalHold:
    placed_on = placed_on or timezone.localdate()
    if not reason.strip():
        raise ValidationError({"reason": _("Indiquez le motif du gel (procédure en cours, demande d'une autorité…).")})
    if placed_on > timezone.localdate():
        raise ValidationError({"placed_on": _("La date du gel ne peut pas être dans le futur.")})
    with transaction.atomic():
        if LegalHold.objects.active().filter(person=person).exists():
            raise ValidationError({"reason": _("Les données de cette personne sont déjà gelées.")})
        return LegalHold.objects.create(person=person, reason=reason.strip(), placed_on=placed_on, placed_by=by)


def lift_hold(hold: LegalHold, *, by) -> LegalHold:
    if hold.lifted_on is not None:
        raise ValidationError(_("Ce gel est déjà levé."))
    hold.lifted_on = timezone.localdate()
    hold.lifted_by = by
    hold.save(update_fields=["lifted_on", "lifted_by", "updated_at"])
    return hold
