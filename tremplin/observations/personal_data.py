"""What the observations app holds about a person: worksite observations and attendance (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="observations.Observation",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.observation_events", ("pathway", "author")),
        part="observations",
        erase={"text": ""},
        export=ExportSection("observations", ordering=("observed_on", "pk")),
        history=True,
    ),
    PersonalData(
        model="observations.AttendanceRecord",
        person_path="pathway__person",
        part="attendance",
        keep_reason=_("Des jours et des présences : les heures réalisées comptent pour les bilans."),
        export=ExportSection("attendance", ordering=("day", "pk")),
    ),
]
