"""What the applications app holds about a person: their applications and how they went (decision 0010).
Employers, jobs, channels and steps stay for the figures; the employer's feedback and notes go."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="applications.Application",
        person_path="pathway__person",
        part="application",
        erase={"employer_feedback": "", "next_step": ""},
        export=ExportSection("applications", ordering=("created_at", "pk")),
        history=True,
    ),
    PersonalData(
        model="applications.ApplicationStep",
        person_path="application__pathway__person",
        timeline=TimelineSource("tremplin.applications.timeline.step_events", ("application__pathway", "by")),
        part="application_step",
        erase={"note": ""},
        export=ExportSection("application_steps", ordering=("on", "pk")),
    ),
]
