"""What the rights app holds about a person: their erasure requests (decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="rights.ErasureRequest",
        person_path="person",
        erase={"note": "", "refusal_detail": ""},
        export=ExportSection("erasure_requests", ordering=("received_on", "pk")),
    ),
]
