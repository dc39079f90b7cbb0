"""What the immersions app holds about a person: immersions and their evaluations (decision 0010).
Hosts, dates, objectives, levels and conclusions stay; what was said about the person goes."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="immersions.Immersion",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.immersions.timeline.immersion_events", ("pathway",)),
        part="immersion",
        erase={"objective_details": ""},
        export=ExportSection("immersions", ordering=("starts_on", "pk")),
        history=True,
    ),
    PersonalData(
        model="immersions.ImmersionEvaluation",
        person_path="immersion__pathway__person",
        timeline=TimelineSource(
            "tremplin.immersions.timeline.evaluation_events", ("immersion__pathway", "evaluated_by")
        ),
        part="immersion_evaluation",
        erase={"person_view": "", "tutor_view": "", "counsellor_view": "", "conclusions": ""},
        export=ExportSection("immersion_evaluations", ordering=("evaluated_on", "pk")),
        history=True,
    ),
]
