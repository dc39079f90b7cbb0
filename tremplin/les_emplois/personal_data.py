"""What the connector keeps about a person: the report line of each imported record (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="les_emplois.SyncRecord",
        person_path="person",
        label=_("fiche salarié importée des emplois de l'inclusion"),
        erase={"full_name": "", "pass_iae": "", "reason": "", "payload": dict},
        export=ExportSection("les_emplois_records", ordering=("created_at", "pk")),
    ),
]
