"""Demo: a directory of a dozen local partners for each French demo structure (invented names, numbers and
addresses), answering the needs of the diagnosis. Orientations and the partner account come with the
orientations app's demo step."""

from __future__ import annotations

import datetime

from tremplin.structures.models import Country

from .services import add_contact, create_organisation, set_service

# name, kind, department codes, area served, referral method, services [(name, needs)], contact (name, role)
DIRECTORY = (
    (
        "France Travail – agence de la Lys",
        "public_employment",
        "59",
        "",
        "email",
        [("Accompagnement vers l'emploi", ["administrative", "digital"])],
        ("Nadia Benali", "Conseillère référente IAE"),
    ),
    (
        "Mission locale des Weppes et de la Lys",
        "public_employment",
        "59",
        "Armentières, Erquinghem-Lys, Houplines",
        "form",
        [("Accompagnement des moins de 26 ans", ["administrative", "mobility", "housing"])],
        ("Julien Lefebvre", "Conseiller insertion"),
    ),
    (
        "Centre communal d'action sociale d'Armentières",
        "social_services",
        "",
        "59280, Armentières",
        "phone",
        [("Aides d'urgence et domiciliation", ["money", "administrative"])],
        ("Claire Dupuis", "Travailleuse sociale"),
    ),
    (
        "Résidence Habitat Jeunes de la Lys",
        "housing",
        "",
        "59280, 59116, 59236, Armentières, Houplines",
        "email",
        [("Logement temporaire meublé", ["housing"]), ("Accompagnement au logement autonome", ["housing", "money"])],
        ("Sophie Leroy", "Responsable des admissions"),
    ),
    (
        "Agence départementale d'information sur le logement",
        "housing",
        "59",
        "",
        "phone",
        [("Conseil juridique sur le logement", ["housing", "justice"])],
        ("Marc Petit", "Juriste"),
    ),
    (
        "Garage solidaire des Flandres",
        "mobility",
        "59",
        "",
        "phone",
        [("Réparation à prix réduit et location de véhicules", ["mobility"])],
        ("Karim Haddad", "Mécanicien"),
    ),
    (
        "Auto-école sociale Lys Permis",
        "mobility",
        "",
        "59280, 59116, Armentières, Houplines",
        "form",
        [("Permis B accompagné", ["mobility", "language"])],
        ("Isabelle Morel", "Monitrice"),
    ),
    (
        "Centre de santé du pays de la Lys",
        "health",
        "",
        "59280, Armentières",
        "phone",
        [("Bilan de santé et consultations", ["health"]), ("Consultation en addictologie", ["addictions", "health"])],
        ("Dr Anne Roussel", "Médecin coordinatrice"),
    ),
    (
        "Point conseil budget des Flandres",
        "debt_advice",
        "59",
        "",
        "email",
        [("Conseil budgétaire et dossier de surendettement", ["money"])],
        ("Thomas Garnier", "Conseiller budget"),
    ),
    (
        "Maison de la justice et du droit",
        "legal_aid",
        "59",
        "",
        "phone",
        [("Permanences d'accès au droit", ["justice", "administrative", "family"])],
        ("Hélène Caron", "Greffière"),
    ),
    (
        "Atelier linguistique Bienvenue",
        "language",
        "",
        "Armentières, Houplines, Lille",
        "email",
        [("Cours de français à visée professionnelle", ["language"]), ("Atelier numérique", ["digital"])],
        ("Fatou Sow", "Formatrice"),
    ),
    (
        "Relais petite enfance de la Lys",
        "childcare",
        "",
        "59280, 59116, Armentières",
        "phone",
        [("Recherche d'un mode de garde", ["childcare", "family"])],
        ("Laura Vasseur", "Animatrice"),
    ),
)


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        if structure.country != Country.FRANCE:
            continue
        by = structure.memberships.filter(role="director").select_related("user").first()
        for index, (name, kind, departments, area, method, services, contact) in enumerate(DIRECTORY):
            organisation = create_organisation(
                structure=structure,
                by=by.user if by else None,
                fields={
                    "name": name,
                    "kind": kind,
                    "department_codes": departments,
                    "area_served": area,
                    "referral_method": method,
                    "city": structure.city,
                    "postcode": structure.postcode,
                    "phone": f"03 20 {40 + index:02d} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    "email": f"contact{index + 1}@partenaire-demo.example.org",
                    "referral_details": "Fiche de liaison à envoyer avec l'accord de la personne.",
                },
                confirm_duplicate=True,
            )
            for service_name, needs in services:
                set_service(organisation=organisation, name=service_name, needs=needs)
            first, last = contact[0].rsplit(" ", 1)
            add_contact(
                organisation=organisation,
                name=contact[0],
                role=contact[1],
                phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                email=f"{first.lower().replace(' ', '.')}.{last.lower()}@partenaire-demo.example.org".replace(
                    "dr.", ""
                ),
            )
