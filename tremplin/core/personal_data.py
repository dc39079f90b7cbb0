"""The personal-data registry: what Tremplin holds about a person, declared once, next to the models.

Each app that holds data about a person lists it in `tremplin/<app>/personal_data.py` as
`DECLARATIONS = [PersonalData(...), NotPersonal(...)]`; this module finds those modules by that fixed
name, in the order of INSTALLED_APPS (decision 0006), and never imports an app itself. Every privacy
feature reads the registry and nothing else (decision 0010):

- `rights` builds the subject-access export (JSON and PDF), one section per `export`;
- `retention` erases the `erase` fields, deletes the `delete` records and runs `on_anonymise`;
- `people.history.forget_history` deletes the change history of every `history=True` model;
- `audit` sends the changes of every model with a `part` to the access log;
- `timeline` builds the pathway's events from every model with a `timeline` source (decision 0006);
- the change-history page (`people.views_history`) shows every `history=True` model under its `label`.

A guard test (tests/security/test_personal_data_registry.py) fails when a model reaching a person or a
pathway by foreign keys is declared neither personal nor `NotPersonal`, and proves that every erasable
text is exported and gone after anonymisation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.module_loading import import_string

MODULE_NAME = "personal_data"
PERSON_MODEL = "people.Person"

# Retention categories (the rules and their durations live in `retention.rules`).
ACTIVE_FILE = "active_file"
ELIGIBILITY_PROOFS = "eligibility_proofs"


@dataclass(frozen=True)
class ExportSection:
    """How a model appears in the subject-access export: one JSON key and one titled PDF section.

    `fields` empty means every concrete field but the technical ones; `exclude` removes some (secrets,
    internal codes). `single` is for the person's own record, exported as one object instead of a list.
    """

    key: str
    title: Any = None  # default: the model's plural verbose name
    fields: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ("pk",)
    single: bool = False


@dataclass(frozen=True)
class TimelineSource:
    """How a model's records become events of the pathway's timeline (decision 0006).

    `builder` is the dotted path of `builder(record) -> list[TimelineEvent]` (unsaved events, made with
    `timeline.builders.make_event`), imported on first use so that declaring imports no app; `related` are
    the select_related paths for building in bulk, the first one leading to the pathway ("pathway" or
    "x__pathway"), which `rebuild_timeline --structure` filters on.
    """

    builder: str
    related: tuple[str, ...]

    def build(self, record) -> list:
        return _imported(self.builder)(record)

    @property
    def pathway_filter(self) -> str:
        """The lookup prefix from the model to its pathway's fields ("plan__pathway__")."""
        return f"{self.related[0]}__"


@cache
def _imported(path: str) -> Callable:
    return import_string(path)


@dataclass(frozen=True)
class PersonalData:
    """One model holding data about a person.

    - `person_path`: the foreign keys from the model to the person ("pathway__person"; "" for Person).
    - `label`: what the record is, in the access log and the change history.
    - `part`: the access-log part its changes are written under ("" when its changes are not logged).
    - `erase`: field -> value written on anonymisation (a callable is called for each use, like `dict`).
    - `delete`: the records go on anonymisation (a CV draft, a proof's description).
    - `keep_reason`: why a record with nothing to erase stays (dates and codes kept for the figures).
    - `on_anonymise`: an extra step given the person's rows before erasing (stored files, open shares).
    - `retention`: the retention category that decides when it is erased.
    - `history`: the model keeps past versions (django-simple-history), forgotten with the person and shown
      on the person's change-history page.
    - `timeline`: its records put events on the pathway's timeline.
    """

    model: str
    person_path: str
    export: ExportSection | None
    label: Any = None  # default: the model's verbose name
    part: str = ""
    erase: Mapping[str, Any] = field(default_factory=dict)
    delete: bool = False
    keep_reason: Any = ""
    on_anonymise: Callable[[models.QuerySet], None] | None = None
    retention: str = ACTIVE_FILE
    history: bool = False
    timeline: TimelineSource | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def name(self) -> str:
        return str(self.label or self.model_class._meta.verbose_name)

    @property
    def title(self) -> str:
        """The export section's title."""
        title = self.export.title if self.export is not None else None
        text = str(title or self.model_class._meta.verbose_name_plural)
        return text[:1].upper() + text[1:]

    @property
    def pathway_path(self) -> str | None:
        """The path to the pathway ("diagnosis__pathway"), when the record hangs off one."""
        if self.person_path == "person" and self.model_class._meta.label == "pathways.Pathway":
            return None
        if self.person_path.endswith("pathway__person"):
            return self.person_path.removesuffix("__person")
        return None

    def erased_values(self) -> dict[str, Any]:
        return {name: value() if callable(value) else value for name, value in self.erase.items()}

    def rows_of(self, person) -> models.QuerySet:
        """The person's live records of this model."""
        manager = self.model_class._base_manager
        if not self.person_path:
            return manager.filter(pk=person.pk)
        return manager.filter(**{self.person_path: person})


@dataclass(frozen=True)
class NotPersonal:
    """A model that reaches a person or a pathway by foreign keys but holds nothing about them."""

    model: str
    reason: Any

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


Declaration = PersonalData | NotPersonal


def _modules() -> Iterable:
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE_NAME}"
        if name == __name__:  # this very module holds the mechanism, not declarations
            continue
        try:
            yield import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


@cache
def declarations() -> tuple[Declaration, ...]:
    """Every declaration of every installed app, in the order of INSTALLED_APPS."""
    found: list[Declaration] = []
    for module in _modules():
        found.extend(module.DECLARATIONS)
    return tuple(found)


def personal(source: Iterable[Declaration] | None = None) -> list[PersonalData]:
    return [d for d in (declarations() if source is None else source) if isinstance(d, PersonalData)]


def declaration_for(model: type[models.Model]) -> Declaration | None:
    label = model._meta.label
    return next((d for d in declarations() if d.model == label), None)


def exported() -> list[PersonalData]:
    return [d for d in personal() if d.export is not None]


def with_timeline() -> list[PersonalData]:
    """The timeline's sources, in the order of INSTALLED_APPS."""
    return [d for d in personal() if d.timeline is not None]


def with_history() -> list[PersonalData]:
    """The models whose past versions are kept, in the order of INSTALLED_APPS."""
    return [d for d in personal() if d.history]


def by_part() -> dict[str, PersonalData]:
    """The declaration logged under each access-log part (the first one when two share a part)."""
    found: dict[str, PersonalData] = {}
    for declaration in personal():
        if declaration.part:
            found.setdefault(declaration.part, declaration)
    return found


def depth(declaration: PersonalData) -> int:
    return declaration.person_path.count("__") + 1 if declaration.person_path else 0


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    """The simple-history table of a model, if it keeps one."""
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None) if manager is not None else None


def record_ids(person_id: int) -> dict[type[models.Model], set]:
    """Primary keys of every declared record of the person, live or only left in a history table.

    Walked from the person down, one hop at a time, so a record deleted since (its history rows
    remain) is found through its parent's id: this is what lets the history be forgotten after the
    person's records are gone."""
    ids: dict[type[models.Model], set] = {}
    for declaration in sorted(personal(), key=depth):
        model = declaration.model_class
        if not declaration.person_path:
            ids[model] = {person_id}
            continue
        first = declaration.person_path.split("__", 1)[0]
        parent = model._meta.get_field(first).related_model
        parent_ids = ids.get(parent, set())
        found = set(model._base_manager.filter(**{f"{first}_id__in": parent_ids}).values_list("pk", flat=True))
        past = history_model(model)
        if past is not None:
            found |= set(past.objects.filter(**{f"{first}_id__in": parent_ids}).values_list("id", flat=True))
        ids[model] = found
    return ids


def history_of(declaration: PersonalData, person_id: int) -> models.QuerySet | None:
    """The history rows of the person's records of a `history=True` model, deleted records included: one
    query, the records found by their parents' ids in the live and the history tables (subqueries)."""
    past = history_model(declaration.model_class)
    if past is None:
        return None
    if not declaration.person_path:
        return past.objects.filter(id=person_id)
    return past.objects.filter(_parent_filter(declaration.model_class, declaration.person_path, person_id))


def _parent_filter(model: type[models.Model], path: str, person_id: int) -> models.Q:
    """`first_id IN (...)`: the ids of the record's parent along `path`, live or only in history."""
    first, _sep, rest = path.partition("__")
    if not rest:
        return models.Q(**{f"{first}_id": person_id})
    parent = model._meta.get_field(first).related_model
    condition = _parent_filter(parent, rest, person_id)
    found = models.Q(**{f"{first}_id__in": parent._base_manager.filter(condition).values("pk")})
    past = history_model(parent)
    if past is not None:
        found |= models.Q(**{f"{first}_id__in": past.objects.filter(condition).values("id")})
    return found


def owner_of(declaration: PersonalData, instance: models.Model) -> tuple[Any, Any]:
    """(person public id, structure pk) of a record, from the objects already loaded when possible,
    else with one query from the first parent not loaded."""
    if not declaration.person_path:
        return instance.public_id, instance.structure_id
    obj = instance
    steps = declaration.person_path.split("__")
    for index, step in enumerate(steps):
        loaded = obj._state.fields_cache.get(step)
        if loaded is None:
            parent = obj._meta.get_field(step).related_model
            rest = "__".join(steps[index + 1 :])
            prefix = f"{rest}__" if rest else ""
            row = (
                parent._base_manager.filter(pk=getattr(obj, f"{step}_id"))
                .values_list(f"{prefix}public_id", f"{prefix}structure_id")
                .first()
            )
            return row or (None, None)
        obj = loaded
    return obj.public_id, obj.structure_id


# What the guard checks ------------------------------------------------------------------------------------------


def reaching_models(all_models: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    """Every model that reaches a person or a pathway through foreign keys, one-to-one or many-to-many
    fields, at any depth (history tables included)."""
    all_models = list(all_models)
    person = apps.get_model(PERSON_MODEL)
    reach = {person}
    changed = True
    while changed:
        changed = False
        for model in all_models:
            if model in reach:
                continue
            for relation in model._meta.get_fields():
                if relation.is_relation and not relation.auto_created and relation.related_model in reach:
                    reach.add(model)
                    changed = True
                    break
    return sorted(reach, key=lambda m: m._meta.label)


def problems(all_models: Iterable[type[models.Model]], source: Iterable[Declaration]) -> list[str]:
    """What is wrong with a registry, one sentence per problem (empty when everything is declared)."""
    source = list(source)
    by_label = {d.model: d for d in source}
    found: list[str] = []
    for model in reaching_models(all_models):
        base = getattr(model, "instance_type", None)  # set on a simple-history table: the model it follows
        if base is not None:
            declaration = by_label.get(base._meta.label)
            if isinstance(declaration, NotPersonal):
                continue
            if declaration is None or not declaration.history:
                found.append(f"{model._meta.label}: history table of an undeclared or history=False model")
            continue
        if model._meta.label not in by_label:
            found.append(f"{model._meta.label}: reaches a person but is not declared")
    for declaration in personal(source):
        found.extend(_declaration_problems(declaration))
    return found


def _declaration_problems(declaration: PersonalData) -> list[str]:
    model = declaration.model_class
    label = model._meta.label
    found = []
    if declaration.history != (history_model(model) is not None):
        found.append(f"{label}: history={declaration.history} but the model's history table says otherwise")
    target = model
    for step in declaration.person_path.split("__") if declaration.person_path else ():
        try:
            relation = target._meta.get_field(step)
        except Exception:  # noqa: BLE001 - reported below
            found.append(f"{label}: person_path step {step!r} is not a field")
            return found
        if not (relation.many_to_one or relation.one_to_one) or relation.auto_created:
            found.append(f"{label}: person_path step {step!r} is not a forward foreign key")
            return found
        target = relation.related_model
    if target._meta.label != PERSON_MODEL:
        found.append(f"{label}: person_path does not lead to the person")
    for name in declaration.erase:
        try:
            model._meta.get_field(name)
        except Exception:  # noqa: BLE001
            found.append(f"{label}: erases an unknown field {name!r}")
    if not (declaration.erase or declaration.delete or declaration.keep_reason):
        found.append(f"{label}: neither erased, deleted nor kept with a reason")
    if declaration.export is None:
        found.append(f"{label}: not in the subject-access export")
    if declaration.timeline is not None:
        found.extend(_timeline_problems(declaration))
    return found


def _timeline_problems(declaration: PersonalData) -> list[str]:
    label = declaration.model
    source = declaration.timeline
    found = []
    try:
        builder = _imported(source.builder)
    except ImportError:
        return [f"{label}: timeline builder {source.builder!r} cannot be imported"]
    if not callable(builder):
        found.append(f"{label}: timeline builder {source.builder!r} is not callable")
    target = declaration.model_class
    for step in source.related[0].split("__") if source.related else ():
        try:
            relation = target._meta.get_field(step)
        except Exception:  # noqa: BLE001 - reported below
            target = None
            break
        target = relation.related_model if relation.is_relation else None
        if target is None:
            break
    if target is None or target._meta.label != "pathways.Pathway":
        found.append(f"{label}: the timeline's first related path does not lead to the pathway")
    return found
