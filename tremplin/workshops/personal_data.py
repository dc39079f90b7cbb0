"""What the workshops app holds about a person: the workshops they attended (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="workshops.Participant",
        person_path="pathway__person",
        timeline=TimelineSource(
            "tremplin.workshops.timeline.participant_events", ("pathway", "workshop", "recorded_by")
        ),
        part="workshop_participant",
        keep_reason=_("Un atelier et une présence : ils comptent pour les bilans."),
        export=ExportSection("workshops"),
        history=True,
    ),
]
