"""What the workshops app holds about a person: the workshops they attended (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="workshops.Participant",
        person_path="pathway__person",
        part="workshop_participant",
        keep_reason=_("Un atelier et une présence : ils comptent pour les bilans."),
        export=ExportSection("workshops"),
        history=True,
    ),
]
