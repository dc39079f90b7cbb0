"""What the pathways app holds about a person: their pathways and status changes (decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="pathways.Pathway",
        person_path="person",
        part="pathway",
        erase={"referral_source": "", "pass_iae_number": "", "itou_id": ""},
        export=ExportSection("pathways", ordering=("created_at", "pk")),
        history=True,
    ),
    PersonalData(
        model="pathways.StatusChange",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.timeline.builders.status_change_events", ("pathway", "changed_by")),
        part="status",
        erase={"reason": ""},
        export=ExportSection("status_changes", ordering=("changed_at", "pk")),
    ),
]
