"""What the interviews app holds about a person: interviews, their notes and answers (decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="interviews.Interview",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.interview_events", ("pathway", "led_by")),
        part="interview",
        erase={"third_party": "", "notes": "", "answers": dict},
        export=ExportSection("interviews", ordering=("planned_at", "pk")),
        history=True,
    ),
]
