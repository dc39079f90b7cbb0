"""What the people app holds about a person: their identity and situation (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData

ANONYMOUS_FIRST_NAME = "Personne"
ANONYMOUS_LAST_NAME = "anonymisée"

DECLARATIONS = [
    PersonalData(
        model="people.Person",
        person_path="",
        part="person",
        erase={
            "first_name": ANONYMOUS_FIRST_NAME,
            "last_name": ANONYMOUS_LAST_NAME,
            "birth_date": None,
            "email": "",
            "phone": "",
            "phone_normalised": "",
            "address": "",
            "postcode": "",
            "city": "",
            "languages": "",
        },
        export=ExportSection("person", _("Identité et situation"), exclude=("phone_normalised",), single=True),
        history=True,
    ),
]
