"""What the welcome app holds about a person: their welcome checklist (decision 0010).
Titles and descriptions come from the structure's template; the comment is about the person."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="welcome.WelcomeStep",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.welcome_step_events", ("pathway", "done_by")),
        part="welcome",
        erase={"comment": ""},
        export=ExportSection("welcome_steps", ordering=("order", "pk")),
        history=True,
    ),
]
