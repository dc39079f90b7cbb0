"""What the partner portal holds about a person: the notes partners write on a shared pathway
(decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="partner_portal.PartnerNote",
        person_path="pathway__person",
        part="partner_note",
        erase={"text": ""},
        export=ExportSection("partner_notes", ordering=("created_at", "pk")),
        history=True,
    ),
]
