"""What the barriers app holds about a person: barriers and how they changed (decision 0010).
Domains, severities and statuses stay for the structure's figures."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="barriers.Barrier",
        person_path="pathway__person",
        part="barriers",
        erase={"description": ""},
        export=ExportSection("barriers", ordering=("identified_on", "pk")),
        history=True,
    ),
    PersonalData(
        model="barriers.BarrierChange",
        person_path="barrier__pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.barrier_change_events", ("barrier__pathway", "by")),
        part="barriers",
        erase={"note": ""},
        export=ExportSection("barrier_changes", ordering=("changed_on", "pk")),
    ),
]
