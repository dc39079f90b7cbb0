"""What the handover app holds about a person: the notes written when their follow-up changed hands
(decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="handover.HandoverItem",
        person_path="pathway__person",
        part="handover_item",
        erase={"note": ""},
        export=ExportSection("handovers"),
    ),
]
