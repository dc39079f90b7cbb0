"""What the portfolio app holds about a person: their experiences, trainings and certifications, all
written about them and of no use to the figures: deleted with the file (decision 0010)."""

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="portfolio.Experience",
        person_path="person",
        part="portfolio_experience",
        delete=True,
        export=ExportSection("experiences", ordering=("started_on", "pk")),
    ),
    PersonalData(
        model="portfolio.Training",
        person_path="person",
        part="portfolio_training",
        delete=True,
        export=ExportSection("trainings", ordering=("started_on", "pk")),
    ),
    PersonalData(
        model="portfolio.Certification",
        person_path="person",
        part="portfolio_certification",
        delete=True,
        export=ExportSection("certifications", ordering=("obtained_on", "pk")),
    ),
]
