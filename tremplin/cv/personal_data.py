"""What the CV app holds about a person: their CV draft, written about them: deleted with the file
(decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="cv.CvDraft",
        person_path="person",
        part="cv_draft",
        delete=True,
        export=ExportSection("cv"),
        history=True,
    ),
]
