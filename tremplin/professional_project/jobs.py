"""Common jobs of the work-integration sector, offered as suggestions when typing a target job.

Codes are ROME fiche codes (France Travail), given only where the fiche is certain;
otherwise the code is left empty and the counsellor may type it. A full referential
can be imported later; this short list is written for Tremplin.
"""

from __future__ import annotations

import re

# (title, ROME code or "")
COMMON_JOBS: tuple[tuple[str, str], ...] = (
    ("Jardinier·ère paysagiste — entretien des espaces verts", "A1203"),
    ("Maraîcher·ère — horticulture", "A1414"),
    ("Ouvrier·ère viticole ou arboricole", "A1405"),
    ("Agent·e d'entretien des espaces naturels", "A1204"),
    ("Bûcheron·ne, élagueur·se", "A1201"),
    ("Peintre en bâtiment", "F1607"),
    ("Maçon·ne", "F1703"),
    ("Manœuvre du bâtiment et des travaux publics", "F1704"),
    ("Carreleur·se", "F1608"),
    ("Électricien·ne du bâtiment", "F1602"),
    ("Plombier·ère, chauffagiste", "F1603"),
    ("Menuisier·ère", "H2206"),
    ("Agent·e de maintenance des bâtiments", "I1203"),
    ("Mécanicien·ne automobile", "I1604"),
    ("Réparateur·rice de vélos", ""),
    ("Agent·e de propreté des locaux", "K2204"),
    ("Laveur·se de vitres", "K2202"),
    ("Agent·e de propreté urbaine", "K2303"),
    ("Agent·e de tri et de valorisation (recyclerie, ressourcerie)", "K2304"),
    ("Agent·e de blanchisserie, pressing", "K2201"),
    ("Couturier·ère, retoucheur·se", ""),
    ("Préparateur·rice de commandes, magasinier·ère", "N1103"),
    ("Manutentionnaire", "N1105"),
    ("Cariste", "N1101"),
    ("Livreur·se", "N4105"),
    ("Agent·e de conditionnement et d'emballage", "H3302"),
    ("Commis de cuisine, cuisinier·ère", "G1602"),
    ("Employé·e polyvalent·e de restauration", "G1603"),
    ("Plongeur·se en restauration", "G1605"),
    ("Femme ou valet de chambre", "G1501"),
    ("Employé·e de libre-service, mise en rayon", "D1507"),
    ("Hôte·sse de caisse", "D1505"),
    ("Vendeur·se en alimentation", "D1106"),
    ("Aide à domicile", "K1304"),
    ("Assistant·e auprès d'adultes (auxiliaire de vie)", "K1302"),
    ("Agent·e d'accueil", "M1601"),
)

ROME_CODE = re.compile(r"^[A-N]\d{4}$")

_CODE_BY_TITLE = {title.casefold(): code for title, code in COMMON_JOBS}


def code_for_title(title: str) -> str:
    """The built-in code of a job picked from the suggestions, or ""."""
    return _CODE_BY_TITLE.get(title.strip().casefold(), "")
