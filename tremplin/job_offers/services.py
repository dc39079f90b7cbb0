"""Business rules of job offers: checking an offer, and importing offers from a CSV or XLSX file.

An import is two steps. `check_file` reads the file and returns a report — row, column,
problem — and the valid rows, already converted; nothing is written but the report
(OfferImport). `confirm_import` checks the kept rows again against the database of now and
writes them all in one transaction, or none of them.
"""

from __future__ import annotations

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core import tables
from tremplin.employers.models import Company, normalise_name, siret_digits, siret_is_valid
from tremplin.people.models import FrenchLevel
from tremplin.structures.models import Country

from .jobcodes import known_job_codes
from .models import ContractType, ImportStatus, JobOffer, OfferImport, OfferSource, OfferStatus, PhysicalDemand, Shift

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# Columns: the template's twenty and some room for the structure's own; a description holds 5,000 characters.
LIMITS = tables.Limits(rows=MAX_ROWS, columns=60, cell_chars=5000, file_bytes=MAX_FILE_BYTES)


# --- one offer ---------------------------------------------------------------------------------


def validate_offer(offer: JobOffer, *, today: datetime.date | None = None, new: bool = True) -> None:
    """The rules every offer follows, whether typed, imported or pushed: errors named per field."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    code = (offer.job_code or "").strip().upper()
    offer.job_code = code
    if not code:
        errors["job_code"] = _("Indiquez le code métier ROME de l'offre.")
    elif not known_job_codes([code]):
        errors["job_code"] = _("Code métier inconnu : %(code)s n'est pas dans le référentiel des métiers.") % {
            "code": code
        }
    if offer.company_id and offer.company.structure_id != offer.structure_id:
        errors["company"] = _("Cette entreprise n'est pas dans le réseau de la structure.")
    if offer.site_id and offer.site.company_id != offer.company_id:
        errors["site"] = _("Ce site n'appartient pas à l'entreprise choisie.")
    if new and offer.start_date and offer.start_date < today:
        errors["start_date"] = _("La date de début est passée : indiquez une date à venir.")
    if new and offer.deadline and offer.deadline < today:
        errors["deadline"] = _("La date limite de candidature est passée.")
    if offer.contract_type == ContractType.PERMANENT and offer.duration_months:
        errors["duration_months"] = _("Un CDI n'a pas de durée : laissez ce champ vide.")
    if offer.weekly_hours is not None and not (Decimal("1") <= offer.weekly_hours <= Decimal("48")):
        errors["weekly_hours"] = _("Les heures par semaine sont comprises entre 1 et 48.")
    if not offer.postcode or not offer.city:
        errors["postcode"] = _("Indiquez le lieu de travail (code postal et commune), ou choisissez un site qui les a.")
    if errors:
        raise ValidationError(errors)


def fill_place_from_site(offer: JobOffer) -> None:
    """An offer on a site works there unless told otherwise."""
    site = offer.site
    if site is None:
        return
    offer.postcode = offer.postcode or site.postcode
    offer.city = offer.city or site.city
    if offer.latitude is None and offer.longitude is None:
        offer.latitude, offer.longitude = site.latitude, site.longitude


@transaction.atomic
def save_offer(offer: JobOffer, *, by=None, new: bool | None = None, today: datetime.date | None = None) -> JobOffer:
    new = offer.pk is None if new is None else new
    fill_place_from_site(offer)
    validate_offer(offer, new=new, today=today)
    if new and by is not None:
        offer.created_by = by
    offer.save()
    return offer


def duplicate_key(company_name: str, job_code: str, postcode: str, start_date: str) -> tuple:
    """Two offers are the same when the employer, the job, the place and the start date are."""
    return (normalise_name(company_name), job_code.upper(), postcode.strip(), start_date or "")


def existing_keys(structure) -> set[tuple]:
    rows = JobOffer.objects.filter(structure=structure).exclude(status=OfferStatus.CLOSED)
    return {
        duplicate_key(name, code, postcode, start.isoformat() if start else "")
        for name, code, postcode, start in rows.values_list("company__name", "job_code", "postcode", "start_date")
    }


# --- the import file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str
    example: str


def columns() -> list[Column]:
    return [
        Column("code_metier", True, _("code ROME : une lettre et quatre chiffres"), "A1203"),
        Column("intitule", True, _("intitulé du poste"), "Jardinier paysagiste"),
        Column("entreprise", True, _("nom de l'employeur (créé dans le réseau s'il n'y est pas)"), "Verts Jardins"),
        Column("siret", False, _("SIRET de l'employeur, 14 chiffres"), ""),
        Column("code_postal", True, _("code postal du lieu de travail"), "59000"),
        Column("commune", True, _("commune du lieu de travail"), "Lille"),
        Column(
            "type_contrat",
            True,
            "cdi, cdd, interim, apprentissage, professionnalisation, contrat_aide, saisonnier, autre",
            "cdd",
        ),
        Column("duree_mois", False, _("durée en mois, vide pour un CDI"), "6"),
        Column("heures_semaine", False, _("heures par semaine"), "35"),
        Column("horaires", False, _("jour, tot, nuit, weekend, séparés par des points-virgules ou des barres"), "jour"),
        Column("date_debut", False, _("date de début, AAAA-MM-JJ ou JJ/MM/AAAA"), ""),
        Column("date_limite", False, _("date limite de candidature"), ""),
        Column("permis", False, _("permis B exigé : oui ou non"), "non"),
        Column("vehicule", False, _("véhicule exigé : oui ou non"), "non"),
        Column("exigence_physique", False, "faible, moderee, forte", "moderee"),
        Column("niveau_francais", False, "A1, A2, B1, B2, C1, natif", "A2"),
        Column("certifications", False, _("séparées par des virgules"), ""),
        Column("competences", False, _("codes de compétences, séparés par des virgules"), ""),
        Column("latitude", False, _("degrés décimaux"), "50.63"),
        Column("longitude", False, _("degrés décimaux"), "3.06"),
        Column("description", False, _("texte libre"), ""),
    ]


CONTRACT_WORDS = {
    "cdi": ContractType.PERMANENT,
    "cdd": ContractType.FIXED_TERM,
    "interim": ContractType.TEMPORARY,
    "apprentissage": ContractType.APPRENTICESHIP,
    "professionnalisation": ContractType.PROFESSIONALISATION,
    "contrat_aide": ContractType.SUBSIDISED,
    "saisonnier": ContractType.SEASONAL,
    "autre": ContractType.OTHER,
}
SHIFT_WORDS = {
    "jour": Shift.DAY,
    "tot": Shift.EARLY,
    "nuit": Shift.NIGHT,
    "weekend": Shift.WEEKEND,
    "week_end": Shift.WEEKEND,
}
PHYSICAL_WORDS = {"faible": PhysicalDemand.LIGHT, "moderee": PhysicalDemand.MODERATE, "forte": PhysicalDemand.HEAVY}
FRENCH_WORDS = {
    "a1": FrenchLevel.A1,
    "a2": FrenchLevel.A2,
    "b1": FrenchLevel.B1,
    "b2": FrenchLevel.B2,
    "c1": FrenchLevel.C1,
    "natif": FrenchLevel.NATIVE,
}
YES = {"oui", "o", "yes", "y", "1", "vrai", "x"}
NO = {"non", "n", "no", "0", "faux", ""}


def _word(value: str) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode().strip().lower()
    return text.replace(" ", "_").replace("-", "_")


@dataclass
class Report:
    problems: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    total_rows: int = 0

    def add(self, row, column: str, message: str) -> None:
        self.problems.append({"row": row, "column": column, "message": message})

    @property
    def file_problems(self) -> list[dict]:
        return [p for p in self.problems if not p["row"]]


def read_table(name: str, content: bytes) -> list[list]:
    """The file's cells, first row the header; a ValidationError on the "file" field when it cannot be read.

    The limits are checked by the shared reader before any row is built (core/tables.py).
    """
    lowered = name.lower()
    try:
        if lowered.endswith(".xlsx"):
            return tables.read_xlsx(content, LIMITS)
        if lowered.endswith(".csv") or lowered.endswith(".txt"):
            first = content[:4096].split(b"\n", 1)[0]
            delimiter = ";" if first.count(b";") >= first.count(b",") else ","
            return tables.read_csv(content, LIMITS, delimiter=delimiter)
    except tables.TableError as error:
        raise ValidationError({"file": str(error)}) from None
    raise ValidationError({"file": _("Format non pris en charge : envoyez un fichier .csv ou .xlsx.")})


def _date(value, report: Report, row: int, column: str):
    if value in ("", None):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    report.add(
        row, column, _("Date illisible « %(value)s » : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.") % {"value": text[:30]}
    )
    return None


def _number(value, report: Report, row: int, column: str, *, low, high, integer=False):
    if value in ("", None):
        return None
    text = str(value).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        report.add(row, column, _("Nombre attendu, pas « %(value)s ».") % {"value": text[:30]})
        return None
    if not (Decimal(low) <= number <= Decimal(high)) or (integer and number != number.to_integral_value()):
        report.add(
            row,
            column,
            _("Valeur hors des bornes (%(low)s à %(high)s) : %(value)s.")
            % {"low": low, "high": high, "value": text[:30]},
        )
        return None
    return int(number) if integer else str(number)


def _choice(value, table: dict, report: Report, row: int, column: str, *, required: bool = False):
    word = _word(value)
    if not word:
        if required:
            report.add(row, column, _("Valeur obligatoire."))
        return ""
    if word not in table:
        report.add(
            row,
            column,
            _("Valeur inconnue « %(value)s » ; valeurs possibles : %(values)s.")
            % {"value": str(value)[:30], "values": ", ".join(table)},
        )
        return ""
    return str(table[word])


def _flag(value, report: Report, row: int, column: str) -> bool:
    word = _word(value)
    if word in YES:
        return True
    if word not in NO:
        report.add(row, column, _("Répondez oui ou non, pas « %(value)s ».") % {"value": str(value)[:30]})
    return False


def check_rows(structure, table: list[list], report: Report, *, today: datetime.date) -> None:
    """Fills the report from the table: the problems, and the valid rows converted to plain values."""
    if not table or not any(str(cell).strip() for cell in table[0]):
        report.add(0, "", _("Le fichier est vide : la première ligne doit porter les noms des colonnes."))
        return
    header = [_word(cell) for cell in table[0]]
    known = {column.name: column for column in columns()}
    for name in header:
        if name and name not in known:
            report.add(1, name, _("Colonne inconnue : elle sera ignorée. Vérifiez son nom avec le fichier modèle."))
    missing = [column.name for column in known.values() if column.required and column.name not in header]
    for name in missing:
        report.add(0, name, _("Colonne obligatoire absente."))
    duplicates_in_header = {name for name in header if name and header.count(name) > 1}
    for name in sorted(duplicates_in_header):
        report.add(0, name, _("Cette colonne apparaît plusieurs fois."))
    if missing or duplicates_in_header:
        return
    body = table[1:]  # at most MAX_ROWS: read_table stops at the first row past the limit
    raw_rows = []
    for index, cells in enumerate(body, start=2):
        values = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header) if name in known}
        if not any(str(v).strip() for v in values.values()):
            continue
        raw_rows.append((index, values))
    report.total_rows = len(raw_rows)
    codes = known_job_codes(str(v.get("code_metier", "")) for _i, v in raw_rows)
    seen: dict[tuple, int] = {}
    existing = existing_keys(structure)
    french = structure.country == Country.FRANCE
    for index, values in raw_rows:
        before = len(report.problems)
        converted = _convert(values, index, report, codes=codes, today=today, french=french)
        if len(report.problems) > before:
            continue
        key = duplicate_key(
            converted["entreprise"], converted["code_metier"], converted["code_postal"], converted["date_debut"] or ""
        )
        if key in seen:
            report.add(
                index,
                "",
                _("Doublon de la ligne %(row)s (même employeur, métier, lieu et date de début).") % {"row": seen[key]},
            )
            continue
        seen[key] = index
        if key in existing:
            report.add(index, "", _("Cette offre existe déjà (même employeur, métier, lieu et date de début)."))
            continue
        converted["row"] = index
        report.rows.append(converted)


def _text(values: dict, name: str, limit: int) -> str:
    return str(values.get(name, "") or "").strip()[:limit]


def _convert(values: dict, row: int, report: Report, *, codes: set, today, french: bool) -> dict:
    out: dict = {}
    code = _text(values, "code_metier", 10).upper()
    if not code:
        report.add(row, "code_metier", _("Valeur obligatoire."))
    elif code not in codes:
        report.add(row, "code_metier", _("Code métier inconnu : %(code)s.") % {"code": code})
    out["code_metier"] = code
    for name, limit in (("intitule", 200), ("entreprise", 200), ("code_postal", 10), ("commune", 120)):
        out[name] = _text(values, name, limit)
        if not out[name]:
            report.add(row, name, _("Valeur obligatoire."))
    siret = siret_digits(_text(values, "siret", 30))
    if siret and french and not siret_is_valid(siret):
        report.add(row, "siret", _("SIRET invalide (14 chiffres et clé de contrôle)."))
    out["siret"] = siret
    out["type_contrat"] = _choice(
        values.get("type_contrat"), CONTRACT_WORDS, report, row, "type_contrat", required=True
    )
    out["duree_mois"] = _number(values.get("duree_mois"), report, row, "duree_mois", low=1, high=60, integer=True)
    if out["type_contrat"] == ContractType.PERMANENT and out["duree_mois"]:
        report.add(row, "duree_mois", _("Un CDI n'a pas de durée : laissez la case vide."))
    out["heures_semaine"] = _number(values.get("heures_semaine"), report, row, "heures_semaine", low=1, high=48)
    shifts = []
    for part in str(values.get("horaires", "") or "").replace("|", ";").replace(",", ";").split(";"):
        if _word(part):
            shift = _choice(part, SHIFT_WORDS, report, row, "horaires")
            if shift:
                shifts.append(shift)
    out["horaires"] = shifts
    for name, label in (
        ("date_debut", _("La date de début est passée.")),
        ("date_limite", _("La date limite est passée.")),
    ):
        day = _date(values.get(name), report, row, name)
        if day is not None and day < today:
            report.add(row, name, label)
        out[name] = day.isoformat() if day else None
    out["permis"] = _flag(values.get("permis"), report, row, "permis")
    out["vehicule"] = _flag(values.get("vehicule"), report, row, "vehicule")
    out["exigence_physique"] = _choice(
        values.get("exigence_physique"), PHYSICAL_WORDS, report, row, "exigence_physique"
    )
    out["niveau_francais"] = _choice(values.get("niveau_francais"), FRENCH_WORDS, report, row, "niveau_francais")
    out["certifications"] = _text(values, "certifications", 250)
    out["competences"] = _text(values, "competences", 500)
    out["description"] = _text(values, "description", 5000)
    lat = _number(values.get("latitude"), report, row, "latitude", low=-90, high=90)
    lon = _number(values.get("longitude"), report, row, "longitude", low=-180, high=180)
    if (lat is None) != (lon is None):
        report.add(
            row,
            "longitude" if lon is None else "latitude",
            _("Indiquez la latitude et la longitude, ou aucune des deux."),
        )
    out["latitude"], out["longitude"] = lat, lon
    return out


@transaction.atomic
def check_file(structure, *, name: str, content: bytes, by, today: datetime.date | None = None) -> OfferImport:
    """Reads and checks the file; keeps its report and valid rows until the member confirms.

    A file that cannot be read at all (format, size, too many rows…) raises a ValidationError
    on the "file" field and leaves no report behind.
    """
    today = today or timezone.localdate()
    report = Report()
    table = read_table(name, content)
    check_rows(structure, table, report, today=today)
    return OfferImport.objects.create(
        structure=structure,
        filename=name[:200],
        uploaded_by=by,
        rows=report.rows,
        problems=report.problems,
        total_rows=report.total_rows,
    )


def new_companies(offer_import: OfferImport) -> list[str]:
    """Employers of the valid rows that are not yet in the network (created on confirmation)."""
    names = {normalise_name(row["entreprise"]): row["entreprise"] for row in offer_import.rows}
    sirets = {row["siret"] for row in offer_import.rows if row["siret"]}
    known = Company.objects.filter(structure=offer_import.structure)
    found_names = set(known.filter(name_normalised__in=names).values_list("name_normalised", flat=True))
    found_sirets = set(known.filter(identifier__in=sirets).values_list("identifier", flat=True))
    return sorted(
        name
        for key, name in names.items()
        if key not in found_names
        and not any(
            row["siret"] in found_sirets
            for row in offer_import.rows
            if normalise_name(row["entreprise"]) == key and row["siret"]
        )
    )


@transaction.atomic
def confirm_import(offer_import: OfferImport, *, by, today: datetime.date | None = None) -> int:
    """Writes every valid row, or nothing: the rows are checked again against the offers of now."""
    today = today or timezone.localdate()
    offer_import = OfferImport.objects.select_for_update().get(pk=offer_import.pk)
    if offer_import.status != ImportStatus.CHECKED:
        raise ValidationError(_("Cet import a déjà été confirmé ou abandonné."))
    if not offer_import.rows:
        raise ValidationError(_("Aucune ligne valide à importer."))
    structure = offer_import.structure
    existing = existing_keys(structure)
    codes = known_job_codes(row["code_metier"] for row in offer_import.rows)
    problems = []
    for row in offer_import.rows:
        key = duplicate_key(row["entreprise"], row["code_metier"], row["code_postal"], row["date_debut"] or "")
        if key in existing:
            problems.append(_("ligne %(row)s : l'offre existe déjà") % {"row": row["row"]})
        if row["code_metier"] not in codes:
            problems.append(_("ligne %(row)s : code métier inconnu") % {"row": row["row"]})
        for name in ("date_debut", "date_limite"):
            if row[name] and datetime.date.fromisoformat(row[name]) < today:
                problems.append(_("ligne %(row)s : date passée (%(column)s)") % {"row": row["row"], "column": name})
    if problems:
        raise ValidationError(
            _(
                "Rien n'a été importé, car la situation a changé depuis la vérification : %(problems)s. Envoyez le fichier à nouveau."
            )
            % {"problems": "; ".join(problems)}
        )
    companies = {c.name_normalised: c for c in Company.objects.filter(structure=structure)}
    by_siret = {c.identifier: c for c in companies.values() if c.identifier}
    offers = []
    for row in offer_import.rows:
        company = by_siret.get(row["siret"]) if row["siret"] else None
        company = company or companies.get(normalise_name(row["entreprise"]))
        if company is None:
            company = Company(structure=structure, name=row["entreprise"], identifier=row["siret"], created_by=by)
            company.relationship_codes = ["hiring"]
            company.save()
            companies[company.name_normalised] = company
            if company.identifier:
                by_siret[company.identifier] = company
        offer = JobOffer(
            structure=structure,
            company=company,
            job_code=row["code_metier"],
            title=row["intitule"],
            postcode=row["code_postal"],
            city=row["commune"],
            contract_type=row["type_contrat"],
            duration_months=row["duree_mois"],
            weekly_hours=Decimal(row["heures_semaine"]) if row["heures_semaine"] else None,
            start_date=datetime.date.fromisoformat(row["date_debut"]) if row["date_debut"] else None,
            deadline=datetime.date.fromisoformat(row["date_limite"]) if row["date_limite"] else None,
            driving_licence_required=row["permis"],
            vehicle_required=row["vehicule"],
            physical_demand=row["exigence_physique"],
            french_level_required=row["niveau_francais"],
            certifications=row["certifications"],
            required_competences=row["competences"],
            description=row["description"],
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
            source=OfferSource.IMPORT,
            created_by=by,
        )
        offer.shift_codes = row["horaires"]
        offer.save()  # one by one: the change history records each offer's creation
        offers.append(offer)
    offer_import.status = ImportStatus.IMPORTED
    offer_import.imported_count = len(offers)
    offer_import.save(update_fields=["status", "imported_count", "updated_at"])
    return len(offers)


def sample_csv() -> str:
    """The model file offered on the import page: the header and two example rows."""
    today = timezone.localdate()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    names = [c.name for c in columns()]
    writer.writerow(names)
    start = (today + datetime.timedelta(days=30)).isoformat()
    deadline = (today + datetime.timedelta(days=20)).isoformat()
    examples = [
        {
            "code_metier": "A1203",
            "intitule": "Jardinier·ère paysagiste",
            "entreprise": "Verts Jardins du Nord",
            "code_postal": "59000",
            "commune": "Lille",
            "type_contrat": "cdd",
            "duree_mois": "6",
            "heures_semaine": "35",
            "horaires": "jour",
            "date_debut": start,
            "date_limite": deadline,
            "permis": "oui",
            "vehicule": "non",
            "exigence_physique": "forte",
            "niveau_francais": "A2",
            "latitude": "50.63",
            "longitude": "3.06",
        },
        {
            "code_metier": "K2204",
            "intitule": "Agent·e de propreté",
            "entreprise": "Net Services",
            "code_postal": "59100",
            "commune": "Roubaix",
            "type_contrat": "cdi",
            "heures_semaine": "24",
            "horaires": "tot;weekend",
            "date_debut": start,
            "permis": "non",
            "vehicule": "non",
            "exigence_physique": "moderee",
            "niveau_francais": "A1",
        },
    ]
    for example in examples:
        writer.writerow([example.get(name, "") for name in names])
    return out.getvalue()
