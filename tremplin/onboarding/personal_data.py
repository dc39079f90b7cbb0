"""What spreadsheet onboarding holds about a person (decision 0010, 0017).

`ImportedPerson` links a person to the import line that created or found them: exported, and deleted with the
person's data. The import reports (`ImportRun.problems`) hold values copied from the file's lines, most of them
about people who were never recorded (a refused import creates no one), so they reach no person record: their
values are erased by `purge_import_files` after `services.VALUES_KEPT_DAYS` days, and the file itself is kept
only between the steps, encrypted (decision 0017)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="onboarding.ImportedPerson",
        person_path="person",
        delete=True,
        export=ExportSection("spreadsheet_imports", fields=("run", "row", "created"), ordering=("run", "row")),
    ),
]
