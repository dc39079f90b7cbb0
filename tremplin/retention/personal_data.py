"""What the retention app holds about a person: legal holds and what remains after anonymisation
(decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="retention.LegalHold",
        person_path="person",
        erase={"reason": ""},
        export=ExportSection("legal_holds", ordering=("placed_on", "pk")),
    ),
    PersonalData(
        model="retention.RetentionRecord",
        person_path="person",
        keep_reason=_(
            "La tranche d'âge et le département : ce qui reste, pour les statistiques, après l'anonymisation."
        ),
        export=ExportSection("retention"),
    ),
]
