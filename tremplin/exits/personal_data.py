"""What the exits app holds about a person: their exit and the follow-ups after it (decision 0010).
Dates, categories and outcomes stay for the structure's figures; the free texts go."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="exits.Exit",
        person_path="pathway__person",
        timeline=TimelineSource(
            "tremplin.exits.timeline.exit_events", ("pathway", "pathway__programme", "recorded_by")
        ),
        part="exit_record",
        erase={"destination": "", "job_title": "", "comment": ""},
        export=ExportSection("exits"),
        history=True,
    ),
    PersonalData(
        model="exits.FollowUp",
        person_path="exit__pathway__person",
        timeline=TimelineSource("tremplin.exits.timeline.follow_up_events", ("exit__pathway", "recorded_by")),
        part="exit_follow_up",
        erase={"note": ""},
        export=ExportSection("follow_ups", ordering=("due_on", "pk")),
        history=True,
    ),
]
