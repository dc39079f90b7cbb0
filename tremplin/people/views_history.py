"""A person's "Historique des modifications": who changed what, when, on everything Tremplin keeps past
versions of, read from django-simple-history's tables.

Which tables, and what each record is called: the `history=True` models of the personal-data registry
(`tremplin/<app>/personal_data.py`, decision 0010), under their `label`. A person's history is short (tens
to a few hundred rows), so each history table is read whole in one query, consecutive rows are compared in
Python and the list is paginated afterwards; names behind the ids of the page are then fetched in one query
per kind. The query count does not depend on the number of changes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format, localize
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.contracts.models import Contract, Suspension
from tremplin.core import personal_data
from tremplin.pathways.access import person_membership_or_404
from tremplin.pathways.models import Pathway
from tremplin.programmes.models import Programme
from tremplin.structures.models import Worksite

from .models import Person

PAGE_SIZE = 25
# Links to the parent record and technical columns: not changes anyone makes by hand.
# (The link to the parent along the declaration's `person_path` is not shown either.)
NOT_SHOWN = frozenset({"id", "public_id", "created_at", "updated_at", "structure", "person", "pathway", "contract"})
# Free-text reasons that may touch on health or family: the contract page shows them to contract managers only.
CONTRACT_MANAGERS_ONLY = {Contract: frozenset({"reduced_hours_reason", "early_end_comment"})}
NAMED_MODELS = (User, Worksite, Programme, Contract)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    hidden: bool = False


@dataclass
class HistoryEntry:
    at: datetime.datetime
    by: str
    kind: str
    record: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)
    raw_changes: list = field(default_factory=list)
    private: frozenset = frozenset()
    row: models.Model | None = None
    previous: models.Model | None = None
    model: type[models.Model] | None = None


def _history_rows(person: Person) -> list[tuple[personal_data.PersonalData, models.Model]]:
    """Every history row of the person and of what hangs off them, deleted records included: one query
    per `history=True` model of the registry."""
    rows = []
    for declaration in personal_data.with_history():
        queryset = personal_data.history_of(declaration, person.pk)
        if queryset is None:
            continue
        rows += [
            (declaration, row) for row in queryset.select_related("history_user").order_by("history_date", "history_id")
        ]
    return rows


def _entries(rows, *, sees_private: bool) -> list[HistoryEntry]:
    """One entry per creation, deletion or change that altered at least one field shown."""
    previous_of: dict[tuple, models.Model] = {}
    entries = []
    for declaration, row in rows:
        model = declaration.model_class
        key = (model, row.id)
        previous = previous_of.get(key)
        previous_of[key] = row
        entry = HistoryEntry(
            at=row.history_date,
            by=_user_name(row.history_user) if row.history_user else _("Système (import ou tâche automatique)"),
            kind=declaration.name[:1].upper() + declaration.name[1:],
            record="",
            action={"+": _("Création"), "-": _("Suppression")}.get(row.history_type, _("Modification")),
            row=row,
            previous=previous,
            model=model,
        )
        if row.history_type == "~" and previous is not None:
            parent = declaration.person_path.split("__", 1)[0]
            delta = row.diff_against(previous, excluded_fields=NOT_SHOWN | {parent})
            if not delta.changes:
                continue
            entry.raw_changes = delta.changes
            if not sees_private:
                entry.private = CONTRACT_MANAGERS_ONLY.get(model, frozenset())
        entries.append(entry)
    entries.sort(key=lambda e: (e.at, e.row.history_id), reverse=True)
    return entries


def _user_name(user) -> str:
    return user.get_full_name() or user.email


def _names(entries: list[HistoryEntry]) -> dict[type, dict]:
    """Names of the users, worksites, programmes, contracts and other records the page mentions: one query
    per kind."""
    wanted: dict[type, set] = {model: set() for model in NAMED_MODELS}
    for entry in entries:
        if entry.model is Pathway:
            wanted[Programme].add(entry.row.programme_id)
        for change in entry.raw_changes:
            related = _related_model(entry.model, change.field)
            if related is not None:
                wanted.setdefault(related, set()).update(v for v in (change.old, change.new) if v is not None)
    names: dict[type, dict] = {}
    for model, ids in wanted.items():
        if not ids:
            names[model] = {}
        elif model is User:
            names[model] = {u.pk: _user_name(u) for u in User.objects.filter(pk__in=ids)}
        elif model is Contract:
            names[model] = dict(Contract.objects.filter(pk__in=ids).values_list("pk", "position"))
        else:
            names[model] = _named(model, ids)
    return names


def _named(model: type[models.Model], ids: set) -> dict:
    """A record's name: its `name`, `title` or `label` field, else its text (a code, a date)."""
    fields = {f.name for f in model._meta.concrete_fields}
    column = next((name for name in ("name", "title", "label") if name in fields), None)
    if column is not None:
        return dict(model._base_manager.filter(pk__in=ids).values_list("pk", column))
    return {obj.pk: str(obj) for obj in model._base_manager.filter(pk__in=ids)}


def _related_model(model, name: str):
    model_field = model._meta.get_field(name)
    return model_field.related_model if model_field.is_relation else None


def _display(model, name: str, value, names: dict) -> str:
    model_field = model._meta.get_field(name)
    if model_field.choices and value in dict(model_field.flatchoices):
        return str(dict(model_field.flatchoices)[value])
    if value is None or value == "":
        return _("(vide)")
    if model_field.is_relation:
        return names.get(model_field.related_model, {}).get(value) or _("(enregistrement supprimé)")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(localize(value))


def _record_label(entry: HistoryEntry, names: dict) -> str:
    row = entry.row
    if entry.model is Person:
        return f"{row.first_name} {row.last_name}"
    if entry.model is Pathway:
        return names[Programme].get(row.programme_id, "")
    if entry.model is Contract:
        return _("%(position)s, à partir du %(start)s") % {
            "position": row.position,
            "start": date_format(row.start_date, "SHORT_DATE_FORMAT"),
        }
    if entry.model is Suspension:
        return _("du %(start)s au %(end)s") % {
            "start": date_format(row.start_date, "SHORT_DATE_FORMAT"),
            "end": date_format(row.end_date, "SHORT_DATE_FORMAT"),
        }
    return ""


def _field_change(entry: HistoryEntry, change, names: dict) -> FieldChange:
    label = str(entry.model._meta.get_field(change.field).verbose_name).capitalize()
    if change.field in entry.private:
        return FieldChange(label=label, old="", new="", hidden=True)
    return FieldChange(
        label=label,
        old=_display(entry.model, change.field, change.old, names),
        new=_display(entry.model, change.field, change.new, names),
    )


@login_required
@reads_personal_data("history")
def person_history(request: HttpRequest, public_id) -> HttpResponse:
    person, membership = person_membership_or_404(
        request, public_id, Capability.EDIT_PEOPLE, Capability.MANAGE_PERSONAL_DATA
    )
    entries = _entries(_history_rows(person), sees_private=membership.can(Capability.MANAGE_CONTRACTS))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    names = _names(page.object_list)
    for entry in page.object_list:
        entry.record = _record_label(entry, names)
        entry.changes = [_field_change(entry, change, names) for change in entry.raw_changes]
    return render(request, "people/person_history.html", {"person": person, "page": page})
