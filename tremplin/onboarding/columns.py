"""The columns of the onboarding template, and the guess of which template column a file's header means.

Headers are compared as search keys (tremplin/core/search_keys.py: case, accents and punctuation ignored), so
"Date de naissance", "DATE NAISSANCE" and "date_de_naissance" all land on the birth date.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tremplin.core.search_keys import search_key


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the template's French header, written in the file as is (not translated)
    label: object  # what the pages show
    help: object
    required: bool = False
    aliases: tuple[str, ...] = ()
    example: tuple[str, str] = ("", "")


COLUMNS: tuple[Column, ...] = (
    Column(
        "last_name",
        "Nom",
        _("Nom"),
        _("Nom de famille."),
        True,
        ("nom de famille", "nom d usage"),
        ("Diallo", "Martin"),
    ),
    Column("first_name", "Prénom", _("Prénom"), _("Prénom."), True, ("prenoms",), ("Awa", "Karim")),
    Column(
        "birth_date",
        "Date de naissance",
        _("Date de naissance"),
        _("JJ/MM/AAAA, AAAA-MM-JJ ou une cellule date du tableur."),
        False,
        ("naissance", "ne le", "nee le", "date naissance"),
        ("14/02/1990", "1985-07-30"),
    ),
    Column(
        "email",
        "Courriel",
        _("Courriel"),
        _("Adresse électronique."),
        False,
        ("email", "e mail", "mail", "adresse mail"),
        ("awa.diallo@example.org", ""),
    ),
    Column(
        "phone",
        "Téléphone",
        _("Téléphone"),
        _("De 6 à 15 chiffres."),
        False,
        ("tel", "portable", "telephone portable"),
        ("06 12 34 56 78", ""),
    ),
    Column("address", "Adresse", _("Adresse"), _("Numéro et rue."), False, ("rue",), ("12 rue des Lilas", "")),
    Column(
        "postcode",
        "Code postal",
        _("Code postal"),
        _("Code postal du pays de la structure."),
        False,
        ("cp",),
        ("69008", "69003"),
    ),
    Column("city", "Commune", _("Commune"), _("Ville ou commune."), False, ("ville",), ("Lyon", "Lyon")),
    Column(
        "programme",
        "Dispositif",
        _("Dispositif"),
        _("Nom d'un dispositif actif de la structure, ou son type (ACI, EI, AI, ETTI…)."),
        True,
        ("programme", "type de dispositif", "mesure"),
        ("ACI", "ACI"),
    ),
    Column(
        "status",
        "Statut",
        _("Statut"),
        _("Statut du parcours : Candidat·e, Éligible, En contrat, Sorti·e… (vide : Candidat·e)."),
        False,
        ("statut du parcours", "etat"),
        ("Sorti·e", "Candidat·e"),
    ),
    Column(
        "referent",
        "Référent (courriel)",
        _("Référent·e (courriel)"),
        _("Courriel du compte Tremplin de la personne référente."),
        False,
        ("referent", "referente", "referent e", "courriel du referent", "cip"),
        ("", ""),
    ),
    Column(
        "worksite",
        "Chantier",
        _("Chantier"),
        _("Nom d'un chantier actif de la structure."),
        False,
        ("atelier", "chantier ou atelier"),
        ("", ""),
    ),
    Column(
        "referral_source",
        "Orienté par",
        _("Orienté·e par"),
        _("Prescripteur ou candidature spontanée."),
        False,
        ("orientee par", "prescripteur", "orienteur"),
        ("France Travail", "Mission locale"),
    ),
    Column(
        "start_date",
        "Début du contrat",
        _("Début du contrat"),
        _("Date de début du contrat, s'il y en a un."),
        False,
        ("date de debut", "debut", "date d embauche", "embauche"),
        ("06/01/2025", ""),
    ),
    Column(
        "planned_end_date",
        "Fin prévue du contrat",
        _("Fin prévue du contrat"),
        _("Date de fin prévue du contrat."),
        False,
        ("date de fin", "fin", "fin prevue"),
        ("05/07/2025", ""),
    ),
    Column(
        "weekly_hours",
        "Heures par semaine",
        _("Heures par semaine"),
        _("Durée hebdomadaire du contrat."),
        False,
        ("heures", "duree hebdomadaire", "heures hebdo"),
        ("26", ""),
    ),
    Column(
        "position",
        "Poste",
        _("Poste"),
        _("Intitulé du poste du contrat."),
        False,
        ("emploi", "metier"),
        ("Agent·e d'espaces verts", ""),
    ),
    Column(
        "reduced_hours_reason",
        "Motif d'une durée réduite",
        _("Motif d'une durée réduite"),
        _("Obligatoire en France en dessous de 20 heures par semaine."),
        False,
        ("motif duree reduite",),
        ("", ""),
    ),
)

BY_KEY = {column.key: column for column in COLUMNS}
PERSON_FIELDS = ("last_name", "first_name", "birth_date", "email", "phone", "address", "postcode", "city")
CONTRACT_FIELDS = ("start_date", "planned_end_date", "weekly_hours", "position", "reduced_hours_reason")
DATE_FIELDS = frozenset({"birth_date", "start_date", "planned_end_date"})

_KNOWN: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.header, _column.key, *_column.aliases):
        _KNOWN.setdefault(search_key(_name), _column.key)


def guess(header: object) -> str:
    """The template column a file's header means, or "" when it is not recognised."""
    return _KNOWN.get(search_key(str(header or "")), "")


def guess_mapping(headers: list) -> dict[int, str]:
    """Column index -> template key, each template key used once (the first header that means it)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = guess(header)
        if key and key not in mapping.values():
            mapping[index] = key
    return mapping


def matches_template(headers: list, mapping: dict[int, str]) -> bool:
    """Every header is a template header and every required column is there: no mapping step needed."""
    return len(mapping) == len([h for h in headers if str(h).strip()]) and not missing_required(mapping)


def missing_required(mapping: dict[int, str]) -> list[Column]:
    chosen = set(mapping.values())
    return [column for column in COLUMNS if column.required and column.key not in chosen]
