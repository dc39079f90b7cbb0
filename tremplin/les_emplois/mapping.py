"""From a platform record ("fiche salarié") to what Tremplin records: pure functions, no database.

Field names are the platform's (its employee-record serializers): `mesure`, `siret`, `numeroAnnexe`,
`personnePhysique` (`passIae`, `passDateDeb`, `passDateFin`, `idItou`, `civilite`, `nomUsage`,
`nomNaissance`, `prenom`, `dateNaissance` DD/MM/YYYY…), `adresse` (`adrTelephone`, `adrMail`,
`adrNumeroVoie`, `codetypevoie`, `adrLibelleVoie`, `codeinseecom`, `codepostalcedex`) and
`situationSalarie`. Older answers carried `passIae` and its dates beside `personnePhysique`: both are read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.france_siae import normalise_pass_iae, pass_iae_problem
from tremplin.structures.siret import normalise_siret

MEASURE_KINDS = {
    "ACI_DC": ProgrammeKind.FR_ACI,
    "EI_DC": ProgrammeKind.FR_EI,
    "AI_DC": ProgrammeKind.FR_AI,
    "ETTI_DC": ProgrammeKind.FR_ETTI,
    # EITI_DC (independent workers' integration companies) has no programme kind in Tremplin yet.
}

# Durations ("AllocationDuration"): 01 under 6 months, 02 6 to 11, 03 12 to 23, 04 24 months or more.
TWELVE_TO_23_MONTHS = "03"
TWENTY_FOUR_MONTHS_PLUS = "04"
# Education levels ("niveauFormation") at or below CAP/BEP: non-certifying qualifications (00), never at
# school (01), CAP/BEP level (50) or diploma (51), a one-year training (60), compulsory schooling only (70).
LOW_EDUCATION_LEVELS = frozenset({"00", "01", "50", "51", "60", "70"})
RSA_YES = frozenset({"OUI-M", "OUI-NM"})

# Yes/no situations of the platform and the French criterion each one proves.
FLAG_CRITERIA = (
    ("salarieBenefASS", "ass"),
    ("salarieBenefAAH", "aah"),
    ("salarieRQTH", "disabled_worker"),
    ("salarieSortantASE", "child_welfare_leaver"),
    ("salarieParentIsole", "single_parent"),
    ("salarieHebergement", "homeless"),
    ("salarieRefugie", "refugee_or_asylum"),
    ("salarieSortantDetention", "justice"),
    ("salarieLangueFrancaise", "french_below_a1"),
    ("salarieMobilite", "mobility"),
)


class Unusable(Exception):
    """The record cannot be imported; the message is the reason shown in the report."""


@dataclass
class Hire:
    siret: str
    pass_iae: str
    pass_start: datetime.date | None
    pass_end: datetime.date | None
    itou_id: str
    programme_kind: str
    first_name: str
    last_name: str
    birth_date: datetime.date
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    recognised_disability: bool = False
    criteria: list[str] = field(default_factory=list)
    referral_source: str = ""


def display_name(record: dict) -> str:
    person = record.get("personnePhysique") if isinstance(record, dict) else None
    if not isinstance(person, dict):
        return ""
    return " ".join(str(person.get(key) or "") for key in ("prenom", "nomUsage")).strip()[:200]


def raw_keys(record: dict) -> tuple[str, str]:
    """(SIRET, PASS IAE) as given, for the report even when the record is unusable."""
    if not isinstance(record, dict):
        return "", ""
    person = record.get("personnePhysique") if isinstance(record.get("personnePhysique"), dict) else {}
    return str(record.get("siret") or "")[:20], str(person.get("passIae") or record.get("passIae") or "")[:20]


def parse_date(value, field_name: str, *, required: bool) -> datetime.date | None:
    if value in (None, ""):
        if required:
            raise Unusable(_("Champ « %(field)s » manquant.") % {"field": field_name})
        return None
    try:
        return datetime.datetime.strptime(str(value), "%d/%m/%Y").date()
    except ValueError:
        raise Unusable(
            _("Champ « %(field)s » : date « %(value)s » illisible (format attendu JJ/MM/AAAA).")
            % {"field": field_name, "value": str(value)[:20]}
        ) from None


def _text(container: dict, key: str, section: str, *, required: bool = False) -> str:
    value = container.get(key)
    if value in (None, "") and required:
        raise Unusable(_("Champ « %(field)s » manquant.") % {"field": f"{section}.{key}" if section else key})
    return str(value or "").strip()


def _section(record: dict, key: str, *, required: bool) -> dict:
    value = record.get(key)
    if isinstance(value, dict):
        return value
    if required:
        raise Unusable(_("Champ « %(field)s » manquant.") % {"field": key})
    return {}


def criteria(situation: dict) -> list[str]:
    """The French eligibility criteria (programmes/rules/france_siae.py) the declared situation implies."""
    found = []
    if str(situation.get("salarieBenefRSA") or "").upper() in RSA_YES:
        found.append("rsa")
    for key, code in FLAG_CRITERIA:
        if situation.get(key) is True:
            found.append(code)
    if situation.get("inscritPoleEmploi") is True:
        since = str(situation.get("inscritPoleEmploiDepuis") or "")
        if since == TWENTY_FOUR_MONTHS_PLUS:
            found.append("job_seeker_24_months")
        elif since == TWELVE_TO_23_MONTHS:
            found.append("job_seeker_12_24_months")
    if str(situation.get("niveauFormation") or "") in LOW_EDUCATION_LEVELS:
        found.append("low_qualification")
    return found


def parse(record) -> Hire:
    """The hire a record describes; raises Unusable naming the field and the rule broken."""
    if not isinstance(record, dict):
        raise Unusable(_("Fiche illisible (ce n'est pas un objet JSON)."))
    person = _section(record, "personnePhysique", required=True)
    address = _section(record, "adresse", required=False)
    situation = _section(record, "situationSalarie", required=False)
    siret = normalise_siret(_text(record, "siret", "", required=True))
    measure = _text(record, "mesure", "", required=True)
    if measure not in MEASURE_KINDS:
        raise Unusable(
            _("Mesure « %(measure)s » : Tremplin n'a pas de dispositif de ce type.") % {"measure": measure[:20]}
        )
    pass_iae = normalise_pass_iae(str(person.get("passIae") or record.get("passIae") or ""))
    if not pass_iae:
        raise Unusable(_("Champ « %(field)s » manquant.") % {"field": "personnePhysique.passIae"})
    problem = pass_iae_problem(pass_iae)
    if problem:
        raise Unusable(f"personnePhysique.passIae : {problem}")
    start = parse_date(person.get("passDateDeb") or record.get("passDateDeb"), "passDateDeb", required=False)
    end = parse_date(person.get("passDateFin") or record.get("passDateFin"), "passDateFin", required=False)
    last_name = _text(person, "nomUsage", "personnePhysique", required=True) or _text(person, "nomNaissance", "")
    street = " ".join(
        part
        for part in (
            _text(address, "adrNumeroVoie", ""),
            _text(address, "codetypevoie", ""),
            _text(address, "adrLibelleVoie", ""),
        )
        if part
    )
    return Hire(
        siret=siret,
        pass_iae=pass_iae,
        pass_start=start,
        pass_end=end,
        itou_id=_text(person, "idItou", "")[:64],
        programme_kind=MEASURE_KINDS[measure],
        first_name=_text(person, "prenom", "personnePhysique", required=True).title()[:100],
        last_name=last_name.title()[:100],
        birth_date=parse_date(person.get("dateNaissance"), "personnePhysique.dateNaissance", required=True),
        email=_text(address, "adrMail", "")[:254],
        phone=_text(address, "adrTelephone", "")[:30],
        address=street[:250],
        postcode=_text(address, "codepostalcedex", "")[:10],
        recognised_disability=situation.get("salarieRQTH") is True,
        criteria=criteria(situation),
        referral_source=_("Les emplois de l'inclusion"),
    )
