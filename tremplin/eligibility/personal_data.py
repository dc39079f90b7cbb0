"""What the eligibility app holds about a person: diagnoses and the proofs behind them (decision 0010)."""

from tremplin.core.personal_data import ELIGIBILITY_PROOFS, ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="eligibility.EligibilityDiagnosis",
        person_path="pathway__person",
        part="eligibility",
        erase={"summary": "", "comment": ""},
        export=ExportSection("eligibility_diagnoses", ordering=("made_on", "created_at")),
    ),
    # Deleted once the State's checks are over (their own retention category), or with the file.
    PersonalData(
        model="eligibility.CriterionProof",
        person_path="diagnosis__pathway__person",
        part="eligibility_proof",
        delete=True,
        export=ExportSection("criterion_proofs"),
        retention=ELIGIBILITY_PROOFS,
    ),
]
