"""Common jobs of the work-integration sectors, and the search of the job referential by name.

The built-in list is written for Tremplin: a few hundred names people use for the jobs of
cleaning, green spaces, building, logistics, catering, retail, recycling, care and transport,
each with its ROME 4.0 job sheet code (France Travail, version 460). Once `import_rome` has run,
every appellation of the referential is searched too (tremplin.competences.RomeAppellation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tremplin.core.search_keys import query_words, search_key

# (title, ROME 4.0 code)
COMMON_JOBS: tuple[tuple[str, str], ...] = (
    # Cleaning
    ("Agent·e de propreté des locaux", "K2205"),
    ("Agent·e d'entretien des bureaux", "K2205"),
    ("Agent·e de nettoyage", "K2205"),
    ("Agent·e de service (ménage en collectivité)", "K2205"),
    ("Agent·e de nettoyage en milieu hospitalier", "J1301"),
    ("Agent·e de service hospitalier (ASH)", "J1301"),
    ("Agent·e de nettoyage industriel", "K2204"),
    ("Agent·e de nettoyage après chantier", "K2204"),
    ("Agent·e de nettoyage de véhicules et de transports en commun", "K2204"),
    ("Laveur·se de vitres", "K2202"),
    ("Chef·fe d'équipe propreté", "K2203"),
    ("Responsable de site de nettoyage", "K2203"),
    ("Agent·e de désinfection et de dératisation", "K2305"),
    ("Gardien·ne d'immeuble", "K2501"),
    ("Employé·e d'immeuble, entretien des parties communes", "K2501"),
    ("Agent·e de blanchisserie industrielle", "K2201"),
    ("Employé·e de pressing", "D1205"),
    ("Employé·e de laverie", "D1228"),
    ("Repasseur·se", "D1236"),
    ("Lingère, linger·ère", "D1242"),
    ("Agent·e de lingerie en collectivité", "D1242"),
    # Green spaces, agriculture
    ("Agent·e d'entretien des espaces verts", "A1203"),
    ("Ouvrier·ère des espaces verts", "A1203"),
    ("Manœuvre en espaces verts", "A1203"),
    ("Agent·e de tonte et de débroussaillage", "A1203"),
    ("Jardinier·ère paysagiste", "A1208"),
    ("Jardinier·ère d'espaces verts", "A1208"),
    ("Ouvrier·ère paysagiste, création de jardins", "A1208"),
    ("Maçon·ne du paysage (dallage, murets, allées)", "F1707"),
    ("Chef·fe d'équipe en espaces verts", "A1211"),
    ("Agent·e d'entretien des espaces naturels", "A1202"),
    ("Agent·e d'entretien des rivières et des berges", "A1202"),
    ("Agent·e d'entretien des chemins de randonnée", "A1202"),
    ("Chef·fe d'équipe en espaces naturels", "A1207"),
    ("Garde nature, agent·e de protection des espaces naturels", "A1204"),
    ("Bûcheron·ne", "A1201"),
    ("Ouvrier·ère forestier·ère", "A1210"),
    ("Élagueur·se", "A1209"),
    ("Grimpeur·se élagueur·se", "A1209"),
    ("Maraîcher·ère", "A1433"),
    ("Ouvrier·ère maraîcher·ère", "A1433"),
    ("Jardinier·ère maraîcher·ère en jardin d'insertion", "A1433"),
    ("Cultivateur·rice en agriculture urbaine", "A1440"),
    ("Aide agricole en cultures (semis, récolte, désherbage)", "A1402"),
    ("Ouvrier·ère agricole polyvalent·e", "A1419"),
    ("Cueilleur·se de fruits", "A1401"),
    ("Saisonnier·ère des vendanges", "A1401"),
    ("Aide arboricole ou viticole (taille, éclaircissage)", "A1444"),
    ("Ouvrier·ère viticole", "A1418"),
    ("Arboriculteur·rice, ouvrier·ère en vergers", "A1405"),
    ("Horticulteur·rice, ouvrier·ère en serres", "A1414"),
    ("Pépiniériste", "A1441"),
    ("Aide d'élevage", "A1403"),
    ("Soigneur·se d'animaux en ferme pédagogique", "A1403"),
    ("Palefrenier·ère, soigneur·se de chevaux", "A1421"),
    ("Mécanicien·ne de matériel de parcs et jardins", "I1618"),
    ("Vendeur·se en jardinerie", "D1219"),
    ("Fleuriste", "D1209"),
    # Building and public works
    ("Manœuvre du bâtiment", "F1704"),
    ("Aide-maçon·ne", "F1704"),
    ("Ouvrier·ère polyvalent·e du bâtiment", "F1704"),
    ("Maçon·ne", "F1703"),
    ("Maçon·ne en rénovation du bâti ancien", "F1703"),
    ("Coffreur·se", "F1701"),
    ("Ouvrier·ère de voirie et réseaux", "F1702"),
    ("Poseur·se de canalisations", "F1705"),
    ("Démolisseur·se", "F1709"),
    ("Désamianteur·se", "I1508"),
    ("Peintre en bâtiment", "F1606"),
    ("Peintre en finitions et revêtements muraux", "F1606"),
    ("Plaquiste", "F1604"),
    ("Plâtrier·ère", "F1601"),
    ("Carreleur·se", "F1608"),
    ("Solier·ère, poseur·se de sols souples", "F1609"),
    ("Électricien·ne du bâtiment", "F1602"),
    ("Aide-électricien·ne", "F1602"),
    ("Plombier·ère", "F1603"),
    ("Chauffagiste", "I1308"),
    ("Installateur·rice en chauffage et climatisation", "F1620"),
    ("Couvreur·se", "F1619"),
    ("Étancheur·se", "F1613"),
    ("Façadier·ère, ravaleur·se", "F1611"),
    ("Menuisier·ère", "H2206"),
    ("Menuisier·ère poseur·se", "F1616"),
    ("Poseur·se de menuiseries extérieures", "F1616"),
    ("Menuisier·ère aluminium", "F1607"),
    ("Agenceur·se, monteur·se de cuisines et de meubles", "F1625"),
    ("Tailleur·se de pierre", "F1612"),
    ("Chef·fe d'équipe du bâtiment", "F1206"),
    ("Chef·fe d'équipe des travaux publics", "F1207"),
    ("Conducteur·rice d'engins de chantier", "F1302"),
    ("Grutier·ère", "F1301"),
    ("Agent·e d'entretien du bâtiment", "I1203"),
    ("Agent·e de maintenance des bâtiments", "I1203"),
    ("Ouvrier·ère d'entretien polyvalent·e (petits travaux)", "I1203"),
    ("Homme ou femme toutes mains", "I1203"),
    ("Agent·e d'entretien de piscine", "I1204"),
    ("Agent·e d'exploitation de la voirie", "I1202"),
    ("Poseur·se de panneaux solaires", "F1610"),
    ("Magasinier·ère en négoce de matériaux", "F1710"),
    # Logistics and transport
    ("Manutentionnaire", "N1105"),
    ("Agent·e de manutention", "N1105"),
    ("Préparateur·rice de commandes", "N1103"),
    ("Préparateur·rice de commandes en entrepôt", "N1103"),
    ("Préparateur·rice de commandes au drive", "N1113"),
    ("Magasinier·ère", "N1110"),
    ("Gestionnaire de stock", "N1110"),
    ("Cariste", "N1101"),
    ("Conducteur·rice de chariot élévateur", "N1101"),
    ("Agent·e de quai", "N1106"),
    ("Agent·e logistique", "N1115"),
    ("Opérateur·rice logistique", "N1115"),
    ("Déménageur·se", "N1102"),
    ("Aide-déménageur·se", "N1102"),
    ("Agent·e de conditionnement", "H3302"),
    ("Emballeur·se", "H3302"),
    ("Conducteur·rice de ligne de conditionnement", "H3301"),
    ("Livreur·se", "N4105"),
    ("Chauffeur·se-livreur·se", "N4105"),
    ("Livreur·se à vélo cargo", "N4104"),
    ("Coursier·ère", "N4104"),
    ("Aide-livreur·se", "N4121"),
    ("Chauffeur·se poids lourd", "N4101"),
    ("Conducteur·rice de bus", "N4103"),
    ("Conducteur·rice d'autocar", "N4109"),
    ("Conducteur·rice de transport de personnes", "N4102"),
    ("Chauffeur·se de transport à la demande", "N4102"),
    ("Conducteur·rice accompagnateur·rice de personnes à mobilité réduite", "N4108"),
    ("Conducteur·rice de navette", "N4128"),
    ("Chauffeur·se VTC", "N4112"),
    ("Conducteur·rice de benne de collecte", "N4118"),
    ("Distributeur·rice de prospectus", "M1615"),
    ("Agent·e de tri postal et de courrier", "M1618"),
    ("Facteur·rice", "M1603"),
    # Recycling and the circular economy
    ("Agent·e de tri des déchets", "K2304"),
    ("Trieur·se en centre de tri", "K2304"),
    ("Valoriste en ressourcerie", "K2308"),
    ("Agent·e de tri et de valorisation en recyclerie", "K2308"),
    ("Agent·e de collecte des encombrants", "K2308"),
    ("Valoriste textile (tri des vêtements)", "K2308"),
    ("Technicien·ne du réemploi (réparation et remise en état)", "K2309"),
    ("Agent·e de déchetterie", "K2318"),
    ("Ripeur·se, équipier·ère de collecte", "K2303"),
    ("Agent·e de propreté urbaine", "K2307"),
    ("Balayeur·se de voirie", "K2307"),
    ("Ambassadeur·rice du tri", "K2310"),
    ("Démonteur·se de véhicules hors d'usage", "I1608"),
    ("Démonteur·se d'appareils électriques et électroniques", "K2309"),
    ("Réparateur·rice d'appareils électroménagers", "I1402"),
    ("Reconditionneur·se d'ordinateurs", "I1401"),
    ("Réparateur·rice de téléphones", "I1407"),
    ("Réparateur·rice de vélos", "I1619"),
    ("Mécanicien·ne cycles", "I1619"),
    ("Vendeur·se en boutique solidaire ou de seconde main", "D1243"),
    ("Brocanteur·se", "D1201"),
    ("Agent·e d'assainissement", "K2301"),
    # Catering and hotels
    ("Commis de cuisine", "G1602"),
    ("Aide de cuisine", "G1602"),
    ("Cuisinier·ère", "G1609"),
    ("Cuisinier·ère de collectivité", "G1606"),
    ("Cuisinier·ère en restaurant d'insertion", "G1609"),
    ("Employé·e de restauration collective", "G1607"),
    ("Agent·e de cantine, service en restauration scolaire", "G1607"),
    ("Plongeur·se", "G1605"),
    ("Plongeur·se en restauration", "G1605"),
    ("Équipier·ère de restauration rapide", "G1603"),
    ("Employé·e polyvalent·e de restauration", "G1603"),
    ("Serveur·se en restaurant", "G1803"),
    ("Serveur·se en café, barman·aid", "G1801"),
    ("Employé·e de cafétéria", "G1603"),
    ("Pizzaïolo", "G1604"),
    ("Crêpier·ère", "G1612"),
    ("Aide-boulanger·ère", "D1102"),
    ("Boulanger·ère", "D1102"),
    ("Pâtissier·ère", "D1104"),
    ("Traiteur·se, préparateur·rice de plats", "D1103"),
    ("Agent·e de production en industrie alimentaire", "H2105"),
    ("Opérateur·rice de conditionnement alimentaire", "H2105"),
    ("Femme ou valet de chambre", "G1501"),
    ("Employé·e d'étage en hôtellerie", "G1501"),
    ("Employé·e polyvalent·e d'hôtellerie", "G1502"),
    ("Réceptionniste en hôtel", "G1703"),
    # Retail
    ("Employé·e de libre-service, mise en rayon", "D1507"),
    ("Employé·e de rayon", "D1507"),
    ("Hôte·sse de caisse", "D1505"),
    ("Caissier·ère", "D1505"),
    ("Vendeur·se en épicerie", "D1106"),
    ("Vendeur·se en épicerie solidaire", "D1106"),
    ("Vendeur·se en fruits et légumes", "D1106"),
    ("Vendeur·se sur les marchés", "D1110"),
    ("Vendeur·se en boulangerie", "D1106"),
    ("Vendeur·se en prêt-à-porter", "D1214"),
    ("Vendeur·se en bricolage et équipement de la maison", "D1212"),
    ("Vendeur·se en articles de sport", "D1211"),
    ("Vendeur·se en produits culturels et jeux", "D1221"),
    ("Vendeur·se en animalerie", "D1210"),
    ("Employé·e de station-service", "D1511"),
    ("Employé·e commercial·e en magasin", "D1507"),
    ("Boucher·ère", "D1101"),
    ("Poissonnier·ère", "D1105"),
    ("Couturier·ère", "B1803"),
    ("Retoucheur·se", "D1207"),
    ("Couturier·ère en atelier de confection", "H2402"),
    ("Cordonnier·ère", "D1206"),
    ("Tapissier·ère d'ameublement", "B1806"),
    ("Coiffeur·se", "D1202"),
    ("Esthéticien·ne", "D1208"),
    # Care and services to people
    ("Aide à domicile", "K1304"),
    ("Employé·e familial·e", "K1304"),
    ("Aide ménager·ère à domicile", "K1304"),
    ("Auxiliaire de vie", "K1302"),
    ("Assistant·e de vie auprès de personnes dépendantes", "K1302"),
    ("Assistant·e de vie aux familles", "K1311"),
    ("Accompagnant·e éducatif·ve et social·e (AES)", "K1306"),
    ("Garde d'enfants à domicile", "K1303"),
    ("Assistant·e maternel·le", "K1310"),
    ("Animateur·rice petite enfance", "K1307"),
    ("Agent·e spécialisé·e des écoles maternelles (ATSEM)", "K1308"),
    ("Auxiliaire de puériculture", "J1304"),
    ("Aide-soignant·e", "J1501"),
    ("Brancardier·ère", "J1308"),
    ("Agent·e de stérilisation", "J1309"),
    ("Ambulancier·ère", "J1305"),
    ("Auxiliaire ambulancier·ère", "J1310"),
    ("Animateur·rice de loisirs", "G1203"),
    ("Animateur·rice d'ateliers en maison de retraite", "K1206"),
    ("Accompagnant·e des élèves en situation de handicap (AESH)", "K2113"),
    ("Médiateur·rice social·e", "K1204"),
    ("Agent·e d'accueil social", "K1205"),
    ("Médiateur·rice numérique", "K1204"),
    # Reception, security, administration
    ("Agent·e d'accueil", "M1601"),
    ("Hôte·sse d'accueil", "M1601"),
    ("Standardiste", "M1614"),
    ("Agent·e administratif·ve", "M1602"),
    ("Employé·e de bureau", "M1602"),
    ("Opérateur·rice de saisie", "M1606"),
    ("Secrétaire", "M1607"),
    ("Conseiller·ère clientèle à distance", "D1408"),
    ("Agent·e de sécurité", "K2503"),
    ("Agent·e de prévention et de sécurité", "K2503"),
    ("Agent·e de sécurité événementielle", "K2504"),
    ("Surveillant·e de baignade", "G1207"),
    ("Ouvreur·se de salle de spectacle", "G1225"),
    ("Agent·e d'accueil touristique", "G1101"),
    # Mechanics and industry
    ("Mécanicien·ne automobile", "I1604"),
    ("Aide-mécanicien·ne automobile", "I1604"),
    ("Préparateur·rice de véhicules", "I1611"),
    ("Laveur·se de véhicules", "I1611"),
    ("Carrossier·ère", "I1606"),
    ("Dépanneur·se-remorqueur·se", "I1615"),
    ("Mécanicien·ne poids lourds", "I1613"),
    ("Soudeur·se", "H2913"),
    ("Métallier·ère, serrurier·ère", "H2911"),
    ("Chaudronnier·ère", "H2902"),
    ("Assembleur·se monteur·se", "H2909"),
    ("Opérateur·rice de production en fabrication mécanique", "H2906"),
    ("Agent·e de fabrication en menuiserie industrielle", "H2201"),
    ("Ouvrier·ère de scierie", "H2205"),
    ("Plasturgiste", "H3201"),
    ("Peintre industriel·le", "H3404"),
    ("Électricien·ne de maintenance", "I1309"),
    ("Agent·e de maintenance industrielle", "I1310"),
)

ROME_CODE = re.compile(r"^[A-N]\d{4}$")

_CODE_BY_TITLE = {title.casefold(): code for title, code in COMMON_JOBS}
# Folded once: the built-in list is searched in Python, the imported referential in the database.
_FOLDED_JOBS = tuple((search_key(title), title, code) for title, code in COMMON_JOBS)


@dataclass(frozen=True)
class JobMatch:
    """A job name found for a query, with its ROME code (and the ROME sheet's name when it comes from it)."""

    title: str
    code: str
    sheet: str = ""


def _rome_appellations():
    try:
        from tremplin.competences.models import RomeAppellation
    except ImportError:  # pragma: no cover - the competence referential is always installed
        return None
    return RomeAppellation.objects


def code_for_title(title: str) -> str:
    """The built-in code of a job picked from the suggestions, or "" (no query: matching calls it per row)."""
    return _CODE_BY_TITLE.get(title.strip().casefold(), "")


def code_for_job_name(title: str) -> str:
    """The code of a job typed by its name: a built-in name, else an appellation of the referential (one query)."""
    code = code_for_title(title)
    if code or not title.strip():
        return code
    appellations = _rome_appellations()
    if appellations is None:
        return ""
    found = appellations.filter(search_text=search_key(title)[:300]).values_list("job__code", flat=True).first()
    return found or ""


def search_jobs(query: str, *, limit: int = 10) -> list[JobMatch]:
    """Jobs whose name holds every word of `query`, accents and case ignored, or whose ROME code it is.

    The built-in names come first among equals; the referential's appellations follow once imported
    (one query, on the folded title column). Names that start with the first word rank first, then the
    shortest: "agent entretien espaces verts" gives the green-space jobs and their code, A1203.
    """
    query = (query or "").strip()[:100]
    code = query.upper()
    if ROME_CODE.match(code):
        return _jobs_of_code(code, limit)
    words = query_words(query)
    if not words or (len(words) == 1 and len(words[0]) < 2):
        return []
    ranked = _matches(words, limit, loose=False)
    if len(words) >= 3 and len(ranked) < limit:
        # The head word varies most between names of one job (agent, ouvrier, employé…): the names
        # that hold every other word follow, so "agent entretien espaces verts" also gives the
        # "ouvrier·ère d'entretien des espaces verts" and the team leader's job.
        ranked += _matches(words[1:], limit, loose=True)
    ranked.sort(key=lambda pair: pair[0])
    seen: set[str] = set()
    found = []
    for _rank, match in ranked:
        key = search_key(match.title)
        if key not in seen:
            seen.add(key)
            found.append(match)
    return found[:limit]


def _matches(words: list[str], limit: int, *, loose: bool) -> list[tuple[tuple, JobMatch]]:
    """Built-in names, then appellations of the referential (one query), holding every word; with their rank."""
    ranked: list[tuple[tuple, JobMatch]] = []
    for folded, title, job_code in _FOLDED_JOBS:
        if all(word in folded for word in words):
            ranked.append(((loose, not folded.startswith(words[0]), 0, len(title)), JobMatch(title, job_code)))
    appellations = _rome_appellations()
    if appellations is not None:
        from django.db.models.functions import Length

        rows = appellations.all()
        for word in words:
            rows = rows.filter(search_text__contains=word)
        rows = rows.order_by(Length("title"), "title").values_list("search_text", "title", "job__code", "job__title")
        for folded, title, job_code, sheet in rows[: limit * 3]:
            rank = (loose, not folded.startswith(words[0]), 1, len(title))
            ranked.append((rank, JobMatch(title, job_code, sheet)))
    return ranked


def _jobs_of_code(code: str, limit: int) -> list[JobMatch]:
    found = [JobMatch(title, code) for title, job_code in COMMON_JOBS if job_code == code]
    appellations = _rome_appellations()
    if appellations is not None and len(found) < limit:
        rows = appellations.filter(job__code=code).order_by("title").values_list("title", "job__title")
        found += [JobMatch(title, code, sheet) for title, sheet in rows[: limit - len(found)]]
    return found[:limit]
