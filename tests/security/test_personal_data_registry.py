"""The personal-data registry guard (issue 13, decision 0010).

1. Every model that reaches a person or a pathway by foreign keys, history tables included, is declared:
   personal (with how it is exported and erased) or explicitly not personal, with a reason.
2. Every text a declaration says goes at anonymisation, filled with a marker for one person, is in that
   person's export (JSON and PDF), is nowhere in the database after their anonymisation (every text column
   of every table, history tables included), and another person's data is untouched.
"""

import datetime
import importlib
import json
import shutil
import subprocess

import pytest
from django.apps import apps
from django.db import connection, models
from django.utils import timezone

from tremplin.core import personal_data
from tremplin.core.personal_data import NotPersonal, PersonalData
from tremplin.retention.services import anonymise_person
from tremplin.rights.services import export_person
from tremplin.rights.views import render_export_pdf

TEXT_FIELDS = (models.CharField, models.TextField)


# 1. Nothing reaching a person is left undeclared ------------------------------------------------------------


def test_every_model_reaching_a_person_or_a_pathway_is_declared():
    problems = personal_data.problems(apps.get_models(), personal_data.declarations())
    assert problems == [], "\n".join(problems)


def test_the_guard_names_a_model_added_without_a_declaration():
    """The registry without the interviews' declaration: the guard names the model and its history table."""
    incomplete = [d for d in personal_data.declarations() if d.model != "interviews.Interview"]
    problems = personal_data.problems(apps.get_models(), incomplete)
    assert "interviews.Interview: reaches a person but is not declared" in problems
    assert any(p.startswith("interviews.HistoricalInterview:") for p in problems)


def test_the_guard_finds_a_model_reaching_a_person_through_a_chain_of_keys():
    """A model two hops from a pathway (a score, through its session) is found, and so is its history."""
    reaching = {m._meta.label for m in personal_data.reaching_models(apps.get_models())}
    assert {"competences.Evidence", "review_meetings.HistoricalReviewDecision", "timeline.TimelineEvent"} <= reaching
    assert "structures.Structure" not in reaching


def test_a_model_declared_not_personal_passes_and_a_wrong_declaration_is_named():
    source = [d for d in personal_data.declarations() if d.model != "handover.HandoverItem"]
    source.append(NotPersonal("handover.HandoverItem", "for the test"))
    assert personal_data.problems(apps.get_models(), source) == []
    wrong = PersonalData(model="handover.HandoverItem", person_path="handover", export=None)
    source[-1] = wrong
    problems = personal_data.problems(apps.get_models(), source)
    assert "handover.HandoverItem: person_path does not lead to the person" in problems
    assert "handover.HandoverItem: neither erased, deleted nor kept with a reason" in problems
    assert "handover.HandoverItem: not in the subject-access export" in problems


# 2. Every erasable text is exported, then gone ---------------------------------------------------------------


def _factory(model: type[models.Model]):
    module = importlib.import_module(f"{apps.get_app_config(model._meta.app_label).name}.factories")
    return getattr(module, f"{model.__name__}Factory")


def _marked_fields(declaration: PersonalData) -> list[models.Field]:
    """The texts that go at anonymisation: the erased fields, or every free text of a deleted record."""
    model = declaration.model_class
    if declaration.delete:
        return [f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS) and not f.choices]
    return [model._meta.get_field(name) for name in declaration.erase]


class Markers:
    def __init__(self, tag: str):
        self.tag = tag
        self.count = 0

    def next(self, field: models.Field) -> str:
        self.count += 1
        marker = f"Q{self.count:03d}{self.tag}"
        return marker[: field.max_length] if field.max_length else marker


def _fill(person, tag: str) -> set[str]:
    """One record of every declared model for `person`, each erasable text holding a unique marker.
    Returns the markers actually stored (a field computed on save keeps its own value)."""
    markers = Markers(tag)
    made: dict[type, models.Model] = {}
    written: set[str] = set()
    for declaration in sorted(personal_data.personal(), key=personal_data.depth):
        model = declaration.model_class
        if not declaration.person_path:
            record = person
        else:
            first = declaration.person_path.split("__", 1)[0]
            relation = model._meta.get_field(first)
            parent = made[relation.related_model]
            record = model._base_manager.filter(**{first: parent}).first() if relation.one_to_one else None
            links = {first: parent}
            # A record that also names the pathway (a badge, a document) names the person's own.
            if first != "pathway" and any(f.name == "pathway" for f in model._meta.concrete_fields):
                links["pathway"] = made[apps.get_model("pathways", "Pathway")]
            record = record or _factory(model)(**links)
        made[model] = record
        values = {}
        for field in _marked_fields(declaration):
            if isinstance(field, models.JSONField):
                marker = markers.next(field)
                values[field.name] = {"note": marker} if isinstance(field.get_default(), dict) else [marker]
            elif isinstance(field, TEXT_FIELDS):
                values[field.name] = markers.next(field)
        for name, value in values.items():
            setattr(record, name, value)
        record.save()  # through save: the history tables keep the marked version
        stored = model._base_manager.filter(pk=record.pk).values(*values).get() if values else {}
        for name, value in values.items():
            if stored[name] == value:
                written.add(
                    value if isinstance(value, str) else (value["note"] if isinstance(value, dict) else value[0])
                )
    return written


def _text_in_database() -> str:
    """Every text and JSON column of every table (history tables included), as one string."""
    chunks = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            columns = [
                connection.ops.quote_name(f.column)
                for f in model._meta.concrete_fields
                if isinstance(f, (*TEXT_FIELDS, models.JSONField))
            ]
            if not columns:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 - names from the models
            chunks.extend(str(value) for row in cursor.fetchall() for value in row if value)
    return "\n".join(chunks)


def _pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "export.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.django_db
def test_every_erasable_text_is_exported_then_gone_after_anonymisation(structure, tmp_path):
    from tremplin.people.factories import PersonFactory
    from tremplin.structures.factories import StructureFactory

    awa = PersonFactory(structure=structure)
    karim = PersonFactory(structure=StructureFactory())  # per-structure singletons (a notice) stay single
    mine = _fill(awa, "A")
    theirs = _fill(karim, "B")
    fields = sum(len(_marked_fields(d)) for d in personal_data.personal())
    assert len(mine) >= fields - 3, (
        "almost every marked field keeps its marker (phone_normalised, search_name computed)"
    )
    before = _text_in_database()
    assert all(marker in before for marker in mine | theirs)

    data = export_person(awa)
    exported = json.dumps(data, ensure_ascii=False)
    assert sorted(m for m in mine if m not in exported) == []
    assert not [m for m in theirs if m in exported]
    pdf = _pdf_text(render_export_pdf(data), tmp_path)
    assert sorted(m for m in mine if m not in pdf) == []

    anonymise_person(awa, timezone.localdate() + datetime.timedelta(days=1))

    after = _text_in_database()
    assert sorted(m for m in mine if m in after) == []
    assert sorted(m for m in theirs if m not in after) == []
    print(  # the figures of the closing note (pytest -s)
        f"\nregistry: {len(personal_data.personal())} personal models, "
        f"{len([d for d in personal_data.declarations() if isinstance(d, NotPersonal)])} not personal, "
        f"{len(personal_data.exported())} export sections, {fields} fields erased or deleted, "
        f"{sum(1 for d in personal_data.personal() if d.delete)} models deleted, "
        f"{sum(1 for d in personal_data.personal() if d.history)} with history; markers: {len(mine)} per person"
    )
