"""What the people app holds about a person: their identity and situation (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData
from tremplin.core.search_keys import search_key

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
            # Written by `update()`, which does not recompute it: the former name must not stay searchable.
            "search_name": search_key(ANONYMOUS_FIRST_NAME, ANONYMOUS_LAST_NAME),
        },
        export=ExportSection(
            "person", _("Identité et situation"), exclude=("phone_normalised", "search_name"), single=True
        ),
        history=True,
    ),
]
