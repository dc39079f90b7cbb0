"""What the interviews app holds about a person: interviews, their notes and answers (decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="interviews.Interview",
        person_path="pathway__person",
        part="interview",
        erase={"third_party": "", "notes": "", "answers": dict},
        export=ExportSection("interviews", ordering=("planned_at", "pk")),
        history=True,
    ),
]
