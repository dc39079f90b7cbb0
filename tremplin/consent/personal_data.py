"""What the consent app holds about a person: when they were informed, what they agreed to (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData

DECLARATIONS = [
    PersonalData(
        model="consent.Consent",
        person_path="person",
        part="consent_given",
        erase={"scope": "", "withdrawal_note": ""},
        export=ExportSection("consents", _("Information et consentements"), ordering=("given_on", "pk")),
    ),
    PersonalData(
        model="consent.PersonInformed",
        person_path="person",
        part="person_informed",
        keep_reason=_("Dates et notices seulement : la preuve que la personne a été informée."),
        export=ExportSection("information", ordering=("informed_on", "pk")),
    ),
]
