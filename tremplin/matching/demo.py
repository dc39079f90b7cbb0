"""Demo step of job coaching: an employer network (~15 companies), ~40 open offers, the mobility of the people
in contract, and one offer sent, in each demo structure — written through the real services."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.employers.models import Company, Contact, InteractionKind, Site
from tremplin.employers.services import record_interaction, save_company
from tremplin.job_offers.models import ContractType, JobOffer, PhysicalDemand
from tremplin.job_offers.services import save_offer
from tremplin.pathways.models import Pathway, Status
from tremplin.structures.models import Country
from tremplin.structures.siret import luhn_ok

from .models import MobilityProfile, Transport
from .services import rank_offers_for, save_mobility, send_offer

# Approximate town centres of the demo's places.
PLACES = {
    "59280": (50.688, 2.881),
    "59116": (50.694, 2.915),
    "59193": (50.674, 2.846),
    "59850": (50.704, 2.838),
    "59270": (50.739, 2.735),
    "59000": (50.629, 3.057),
    "7300": (50.435, 3.795),
    "7000": (50.454, 3.952),
    "7330": (50.419, 3.735),
    "40131": (44.510, 11.325),
    "40133": (44.497, 11.310),
    "40033": (44.476, 11.277),
    "40068": (44.470, 11.405),
    "40013": (44.577, 11.360),
}

# (name, sector, relationships, site town (postcode, city), [(job code, title, contract, shifts, licence, physical, french)])
NETWORKS = {
    Country.FRANCE: [
        (
            "Verts Horizons Paysage",
            "Espaces verts",
            ["hiring", "immersion_host", "tutoring"],
            ("59000", "Lille"),
            [
                (
                    "A1203",
                    "Jardinier·ère paysagiste",
                    ContractType.PERMANENT,
                    ["day"],
                    True,
                    PhysicalDemand.HEAVY,
                    "A2",
                ),
                (
                    "A1203",
                    "Ouvrier·ère d'entretien des espaces verts",
                    ContractType.FIXED_TERM,
                    ["day", "early"],
                    False,
                    PhysicalDemand.HEAVY,
                    "",
                ),
                (
                    "A1204",
                    "Agent·e d'entretien des espaces naturels",
                    ContractType.SEASONAL,
                    ["day"],
                    False,
                    PhysicalDemand.HEAVY,
                    "",
                ),
            ],
        ),
        (
            "Maraîchers de la Lys",
            "Maraîchage",
            ["hiring", "immersion_host"],
            ("59193", "Erquinghem-Lys"),
            [
                ("A1414", "Maraîcher·ère", ContractType.FIXED_TERM, ["early"], False, PhysicalDemand.HEAVY, ""),
                (
                    "A1414",
                    "Vendeur·se sur les marchés",
                    ContractType.TEMPORARY,
                    ["early", "weekend"],
                    True,
                    PhysicalDemand.MODERATE,
                    "B1",
                ),
                ("A1405", "Ouvrier·ère arboricole", ContractType.SEASONAL, ["day"], False, PhysicalDemand.HEAVY, ""),
            ],
        ),
        (
            "Propreté Flandres Services",
            "Propreté",
            ["hiring", "company_visits"],
            ("59280", "Armentières"),
            [
                (
                    "K2204",
                    "Agent·e de propreté des locaux",
                    ContractType.PERMANENT,
                    ["early"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A1",
                ),
                (
                    "K2204",
                    "Agent·e de propreté (soirée)",
                    ContractType.FIXED_TERM,
                    ["night"],
                    False,
                    PhysicalDemand.MODERATE,
                    "",
                ),
                ("K2202", "Laveur·se de vitres", ContractType.FIXED_TERM, ["day"], True, PhysicalDemand.MODERATE, ""),
            ],
        ),
        (
            "Logistique des Weppes",
            "Logistique",
            ["hiring", "mentoring"],
            ("59850", "Nieppe"),
            [
                (
                    "N1103",
                    "Préparateur·rice de commandes",
                    ContractType.TEMPORARY,
                    ["early", "day"],
                    False,
                    PhysicalDemand.HEAVY,
                    "A2",
                ),
                ("N1105", "Manutentionnaire", ContractType.FIXED_TERM, ["night"], False, PhysicalDemand.HEAVY, ""),
                ("N1101", "Cariste", ContractType.PERMANENT, ["day"], False, PhysicalDemand.MODERATE, "A2"),
            ],
        ),
        (
            "Le Bon Accueil, restaurant",
            "Restauration",
            ["hiring", "immersion_host", "skills_sponsorship"],
            ("59270", "Bailleul"),
            [
                (
                    "G1602",
                    "Commis de cuisine",
                    ContractType.APPRENTICESHIP,
                    ["day", "weekend"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A2",
                ),
                ("G1605", "Plongeur·se", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.MODERATE, ""),
            ],
        ),
    ],
    Country.BELGIUM: [
        (
            "Jardins du Borinage",
            "Espaces verts",
            ["hiring", "immersion_host"],
            ("7300", "Val-de-Haine"),
            [
                (
                    "A1203",
                    "Ouvrier·ère jardinier·ère",
                    ContractType.FIXED_TERM,
                    ["day"],
                    False,
                    PhysicalDemand.HEAVY,
                    "",
                ),
                (
                    "A1204",
                    "Agent·e des espaces naturels",
                    ContractType.SEASONAL,
                    ["day"],
                    True,
                    PhysicalDemand.HEAVY,
                    "",
                ),
            ],
        ),
        (
            "Net'Haine Services",
            "Propreté",
            ["hiring"],
            ("7000", "Mons"),
            [
                (
                    "K2204",
                    "Technicien·ne de surface",
                    ContractType.PERMANENT,
                    ["early"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A2",
                ),
                (
                    "K2303",
                    "Agent·e de propreté urbaine",
                    ContractType.FIXED_TERM,
                    ["early", "weekend"],
                    False,
                    PhysicalDemand.HEAVY,
                    "",
                ),
                (
                    "K2204",
                    "Agent·e de nettoyage de bureaux",
                    ContractType.TEMPORARY,
                    ["night"],
                    False,
                    PhysicalDemand.MODERATE,
                    "",
                ),
            ],
        ),
        (
            "Ressourcerie du Hainaut",
            "Réemploi",
            ["hiring", "tutoring", "company_visits"],
            ("7330", "Saint-Ghislain"),
            [
                ("K2304", "Valoriste", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.HEAVY, ""),
                ("N4105", "Chauffeur-livreur·se", ContractType.PERMANENT, ["day"], True, PhysicalDemand.MODERATE, "B1"),
                ("N1103", "Magasinier·ère", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.MODERATE, ""),
            ],
        ),
        (
            "Maison de repos Les Tilleuls",
            "Aide aux personnes",
            ["hiring", "mentoring"],
            ("7000", "Mons"),
            [
                (
                    "K1304",
                    "Aide ménager·ère",
                    ContractType.PERMANENT,
                    ["day", "weekend"],
                    False,
                    PhysicalDemand.MODERATE,
                    "B1",
                ),
                (
                    "G1603",
                    "Employé·e de cafétéria",
                    ContractType.FIXED_TERM,
                    ["day"],
                    False,
                    PhysicalDemand.LIGHT,
                    "A2",
                ),
            ],
        ),
        (
            "Brasserie du Grand-Hornu",
            "Restauration",
            ["hiring"],
            ("7300", "Val-de-Haine"),
            [
                (
                    "G1605",
                    "Plongeur·se",
                    ContractType.TEMPORARY,
                    ["night", "weekend"],
                    False,
                    PhysicalDemand.MODERATE,
                    "",
                ),
            ],
        ),
    ],
    Country.ITALY: [
        (
            "Cooperativa Verde Reno",
            "Manutenzione del verde",
            ["hiring", "immersion_host"],
            ("40033", "Casalecchio di Reno"),
            [
                ("A1203", "Giardiniere", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.HEAVY, ""),
                ("A1203", "Manutentore del verde", ContractType.PERMANENT, ["early"], True, PhysicalDemand.HEAVY, "A2"),
            ],
        ),
        (
            "Pulizie Emilia",
            "Pulizie",
            ["hiring"],
            ("40131", "Bologna"),
            [
                (
                    "K2204",
                    "Addetto alle pulizie",
                    ContractType.PERMANENT,
                    ["early"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A1",
                ),
                (
                    "K2204",
                    "Addetto alle pulizie serali",
                    ContractType.FIXED_TERM,
                    ["night"],
                    False,
                    PhysicalDemand.MODERATE,
                    "",
                ),
                ("K2202", "Addetto pulizia vetri", ContractType.TEMPORARY, ["day"], False, PhysicalDemand.MODERATE, ""),
            ],
        ),
        (
            "Magazzini Felsinei",
            "Logistica",
            ["hiring", "mentoring"],
            ("40013", "Castel Maggiore"),
            [
                (
                    "N1103",
                    "Preparatore di ordini",
                    ContractType.TEMPORARY,
                    ["early", "day"],
                    False,
                    PhysicalDemand.HEAVY,
                    "",
                ),
                ("N1101", "Carrellista", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.MODERATE, "A2"),
                ("N4105", "Autista consegne", ContractType.PERMANENT, ["day"], True, PhysicalDemand.MODERATE, "B1"),
            ],
        ),
        (
            "Trattoria San Vitale",
            "Ristorazione",
            ["hiring", "immersion_host"],
            ("40133", "Bologna"),
            [
                (
                    "G1602",
                    "Aiuto cuoco",
                    ContractType.APPRENTICESHIP,
                    ["day", "weekend"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A2",
                ),
                ("G1605", "Lavapiatti", ContractType.FIXED_TERM, ["day"], False, PhysicalDemand.MODERATE, ""),
            ],
        ),
        (
            "Emporio Solidale",
            "Commercio",
            ["hiring", "company_visits", "skills_sponsorship"],
            ("40068", "San Lazzaro di Savena"),
            [
                (
                    "D1507",
                    "Addetto al rifornimento scaffali",
                    ContractType.FIXED_TERM,
                    ["early"],
                    False,
                    PhysicalDemand.MODERATE,
                    "A2",
                ),
                ("D1505", "Cassiere", ContractType.PERMANENT, ["day", "weekend"], False, PhysicalDemand.LIGHT, "B1"),
            ],
        ),
    ],
}
CONTACTS = ("Nadia Lefebvre", "Marc Dubois", "Sofia Ricci", "Luc Janssens", "Élodie Martin")
TRANSPORTS = (Transport.PUBLIC_TRANSPORT, Transport.BIKE, Transport.CAR, Transport.WALK, Transport.TWO_WHEELER)


def _siret(rng) -> str:
    """A made-up number with a valid Luhn key, so the demo shows a well-formed SIRET."""
    while True:
        digits = "".join(str(rng.randrange(10)) for _ in range(13))
        for last in "0123456789":
            if luhn_ok(digits + last):
                return digits + last


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        coach = Membership.objects.filter(structure=structure, role=Role.JOB_COACH).select_related("user").first()
        by = coach.user if coach else None
        network = NETWORKS.get(structure.country, [])
        for index, (name, sector, relations, (postcode, city), offers) in enumerate(network):
            company = Company(
                structure=structure,
                name=name,
                sector=sector,
                size_band=rng.choice(["1-9", "10-49", "50-249"]),
                identifier=_siret(rng) if structure.country == Country.FRANCE else "",
            )
            save_company(company, by=by, relationships=relations)
            lat, lon = PLACES.get(postcode, (None, None))
            site = Site.objects.create(
                company=company, name=city, postcode=postcode, city=city, latitude=lat, longitude=lon
            )
            first, last = CONTACTS[index % len(CONTACTS)].split(" ", 1)
            contact = Contact.objects.create(
                company=company, site=site, first_name=first, last_name=last, job_title="Responsable"
            )
            record_interaction(
                company,
                by=by,
                contact=contact,
                kind=rng.choice(InteractionKind.values),
                happened_on=today - datetime.timedelta(days=rng.randrange(3, 60)),
                summary="",
                next_step="Point sur les offres en cours",
                next_step_on=today + datetime.timedelta(days=rng.randrange(5, 30)),
            )
            for code, title, contract, shifts, licence, physical, french in offers:
                offer = JobOffer(
                    structure=structure,
                    company=company,
                    site=site,
                    job_code=code,
                    title=title,
                    contract_type=contract,
                    duration_months=None if contract == ContractType.PERMANENT else rng.choice([3, 6, 9, 12]),
                    weekly_hours=rng.choice([20, 24, 26, 30, 35]),
                    start_date=today + datetime.timedelta(days=rng.randrange(7, 60)),
                    deadline=today + datetime.timedelta(days=rng.randrange(5, 40)),
                    driving_licence_required=licence,
                    physical_demand=physical,
                    french_level_required=french,
                )
                offer.shift_codes = shifts
                save_offer(offer, by=by, new=True, today=today)
        _mobility(structure, rng)
        _send_one(structure, coach, today)


def _mobility(structure, rng) -> None:
    pathways = Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).select_related("person")
    for pathway in pathways:
        person = pathway.person
        if MobilityProfile.objects.filter(person=person).exists():
            continue
        lat, lon = PLACES.get(person.postcode, (None, None))
        save_mobility(
            MobilityProfile(
                person=person,
                home_postcode=person.postcode,
                home_city=person.city,
                latitude=lat,
                longitude=lon,
                transport=Transport.CAR if person.has_vehicle else rng.choice(TRANSPORTS[:2]),
                max_travel_minutes=rng.choice([30, 45, 60]),
            )
        )


def _send_one(structure, coach, today) -> None:
    """The best offer of the first person in contract is sent, so the demo shows the step after matching."""
    if coach is None:
        return
    pathway = (
        Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
        .select_related("person", "structure")
        .order_by("id")
        .first()
    )
    if pathway is None:
        return
    ranked, _excluded = rank_offers_for(pathway, coach, today=today)
    if ranked:
        best, score = ranked[0]
        send_offer(offer=JobOffer.objects.get(pk=best[0]), pathway=pathway, by=coach.user, score=score, on=today)
