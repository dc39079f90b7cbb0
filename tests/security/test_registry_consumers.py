"""The consumers of the personal-data registry keep no list of personal models of their own (issue 13,
decision 0010): the timeline's sources, the change-history page and the access log's part names all
come from `tremplin/<app>/personal_data.py`."""

import dataclasses
import pathlib
import re
from types import ModuleType

from django.db import models
from django.db.models.signals import post_save

from tremplin.audit import parts
from tremplin.core import personal_data
from tremplin.timeline import builders, registry, signals
from tremplin.timeline.models import TimelineEvent

ROOT = pathlib.Path(__file__).resolve().parents[2] / "tremplin"


def _models_held(module: ModuleType) -> list[str]:
    """Model classes a module keeps at its top level, alone or in a list, tuple, set or dict."""
    found = []
    for name, value in vars(module).items():
        values = value if isinstance(value, list | tuple | set | frozenset) else [value]
        if isinstance(value, dict):
            values = [*value.keys(), *value.values()]
        for item in values:
            if isinstance(item, type) and issubclass(item, models.Model) and item is not TimelineEvent:
                found.append(f"{module.__name__}.{name}: {item._meta.label}")
    return found


def test_the_timeline_sources_are_the_registrys_timeline_declarations():
    declared = personal_data.with_timeline()

    assert [(model, related) for model, _builder, related in builders.sources()] == [
        (d.model_class, d.timeline.related) for d in declared
    ]
    # The 8 sources once listed by hand in timeline/builders.py, the 11 registered by apps, the messages (issue 16).
    assert len(declared) == 20


def test_the_timeline_lists_no_model_of_its_own(monkeypatch):
    assert _models_held(builders) + _models_held(registry) + _models_held(signals) == []
    monkeypatch.setattr(personal_data, "with_timeline", lambda: [])
    assert builders.sources() == []


def test_no_app_registers_a_timeline_source_by_hand():
    hand_written = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if re.search(r"\bregister_source\s*\(", path.read_text(encoding="utf-8"))
    ]
    assert hand_written == []


def test_every_timeline_source_keeps_its_events_in_sync_on_save():
    uids = {key[0][0] for key in post_save.receivers if isinstance(key[0], tuple)}
    missing = [
        d.model for d in personal_data.with_timeline() if f"timeline_{d.model_class._meta.label_lower}" not in uids
    ]
    assert missing == []


def test_a_timeline_source_that_does_not_lead_to_the_pathway_is_reported():
    interview = next(d for d in personal_data.personal() if d.model == "interviews.Interview")
    wrong = dataclasses.replace(
        interview, timeline=dataclasses.replace(interview.timeline, related=("led_by", "pathway"))
    )
    unknown = dataclasses.replace(
        interview, timeline=dataclasses.replace(interview.timeline, builder="tremplin.timeline.builders.nothing")
    )

    assert personal_data._declaration_problems(interview) == []
    assert personal_data._declaration_problems(wrong) == [
        "interviews.Interview: the timeline's first related path does not lead to the pathway"
    ]
    assert personal_data._declaration_problems(unknown) == [
        "interviews.Interview: timeline builder 'tremplin.timeline.builders.nothing' cannot be imported"
    ]


def test_the_log_names_every_declared_part_by_its_declaration_and_only_reads_by_hand():
    declared = personal_data.by_part()

    assert {part: parts.label_of(part) for part in declared} == {
        part: declaration.name for part, declaration in declared.items()
    }
    # The table of read parts never names a part the registry already names.
    assert sorted(set(parts.READ_PARTS) & set(declared)) == []
    assert parts.label_of("history") == "historique des modifications"
    assert parts.label_of("unknown_code") == "unknown_code"
