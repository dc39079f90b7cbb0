"""What the professional project app holds about a person: target jobs (decision 0010).
The job's code and title stay for the structure's figures; the notes about the person go."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="professional_project.TargetJob",
        person_path="pathway__person",
        part="professional_project",
        erase={"notes": "", "constraints": ""},
        export=ExportSection("target_jobs"),
        history=True,
    ),
]
