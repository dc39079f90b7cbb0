"""The name and the definition of each figure, as the page shows them (docs/indicators.md says more)."""

from django.utils.translation import gettext_lazy as _

from tremplin.exits.models import Outcome
from tremplin.programmes.rules.base import ExitGroup

from .figures import AGE_BANDS

LABELS = {
    "supported": _("Personnes accompagnées"),
    "hired": _("Personnes embauchées"),
    "present": _("Personnes présentes en fin de période"),
    "hours": _("Heures travaillées"),
    "fte": _("Équivalents temps plein"),
    "disability": _("Travailleurs handicapés reconnus"),
    "length_mean": _("Durée moyenne des parcours (jours)"),
    "length_median": _("Durée médiane des parcours (jours)"),
    "exits": _("Sorties enregistrées"),
    "exits_counted": _("Sorties comptabilisées"),
    "exits_dynamic": _("Sorties dynamiques (durable, transition, positive)"),
    "exits_not_counted": _("Sorties non comptabilisées (à part)"),
    "exits_short_stay": _("dont sorties moins de 3 mois après l'entrée"),
    "immersions": _("Immersions en entreprise commencées"),
    "trainings": _("Formations terminées"),
    "trainings_obtained": _("dont avec diplôme ou attestation obtenu"),
    "certifications": _("Certifications obtenues"),
    "badges": _("Badges attribués"),
    "workshops": _("Ateliers collectifs tenus"),
    "workshop_invited": _("Invitations à un atelier"),
    "workshop_present": _("Présences aux ateliers"),
    "orientations": _("Orientations vers un partenaire"),
    "it_disadvantaged": _("Personnes défavorisées en contrat, en moyenne sur la période"),
    "it_share": _("Part des personnes défavorisées dans l'effectif (%)"),
    "be_ended": _("Mises à l'emploi article 60 terminées"),
    "be_rights": _("dont terminées avec le droit aux allocations de chômage ouvert"),
}

# The criteria a funder asks about by name, with the French rules' labels (same words as the eligibility form).
FUNDER_CRITERION_LABELS = {
    "rsa": _("Bénéficiaire du RSA"),
    "priority_district": _("Domicile en quartier prioritaire de la politique de la ville (QPV)"),
    "rural_zone": _("Domicile en zone de revitalisation rurale (ZRR)"),
}

DEFINITIONS = {
    "supported": _(
        "Personnes sous contrat d'insertion au moins un jour de la période (contrats annulés exclus). "
        "Une personne qui a eu deux parcours compte une fois."
    ),
    "hired": _("Personnes dont le premier contrat du parcours a commencé pendant la période."),
    "present": _("Personnes sous contrat le dernier jour de la période (ou aujourd'hui), contrat suspendu compris."),
    "hours": _(
        "Heures prévues au contrat : heures hebdomadaires × jours de contrat dans la période ÷ 7, "
        "sans les jours de suspension ; un contrat rompu s'arrête le jour de la rupture."
    ),
    "fte": _(
        "Somme, pour chaque contrat, des heures hebdomadaires rapportées à un temps plein "
        "(35 h en France, 38 h en Belgique et en Italie) × jours travaillés, divisée par les jours de la période."
    ),
    "disability": _("Personnes accompagnées ayant une reconnaissance de travailleur handicapé."),
    "length_mean": _("Du premier jour de contrat à la sortie, pour les sorties de la période."),
    "length_median": _("La moitié des parcours sortis sur la période ont duré moins, l'autre moitié plus."),
    "exits": _("Sorties datées dans la période, comptabilisées ou non."),
    "exits_counted": _("Sorties qui entrent dans le calcul des parts : toutes, sauf les sorties neutralisées."),
    "exits_dynamic": _(
        "Emploi durable + emploi de transition + sortie positive, en part des sorties comptabilisées : "
        "l'indicateur « sorties dynamiques » de l'État pour les SIAE."
    ),
    "exits_not_counted": _(
        "Sorties neutralisées : situations hors de la main de la structure (retraite, déménagement, maladie, "
        "décès…) et sorties moins de 3 mois après l'entrée. Elles ne comptent pas dans les parts."
    ),
    "exits_short_stay": _("Sorties moins de 3 mois après le premier jour de contrat (règle française)."),
    "group": _("En part des sorties comptabilisées de la période."),
    "category": _("Situation à la sortie choisie dans la liste du dispositif ; sorties comptabilisées ou non."),
    "follow_up": _(
        "Pour les sorties de la période, situation recueillie au suivi à 1, 3 et 6 mois ; "
        "les parts sont calculées sur les suivis enregistrés (« pas de réponse » compris)."
    ),
    "length_band": _("Nombre de sorties de la période par durée de parcours, du premier jour de contrat à la sortie."),
    "age": _("Âge des personnes accompagnées au dernier jour de la période."),
    "criterion": _(
        "Critères des diagnostics d'éligibilité favorables des personnes accompagnées ; "
        "une personne peut compter dans plusieurs critères."
    ),
    "it_disadvantaged": _(
        "Personnes sous contrat d'une coopérative sociale de type B, comptées chaque jour de la période "
        "puis divisées par le nombre de jours."
    ),
    "it_share": _(
        "Personnes défavorisées en moyenne ÷ effectif total déclaré de la structure. La loi 381/1991 (art. 4) "
        "demande au moins 30 %. L'effectif total est celui déclaré aujourd'hui, sans historique."
    ),
    "be_ended": _("Sorties de la période des parcours article 60 §7."),
    "be_rights": _(
        "Sorties article 60 de la période dans la situation « droit aux allocations de chômage ouvert », "
        "en part des mises à l'emploi terminées."
    ),
    "immersions": _("Immersions (PMSMP ou équivalent) dont le premier jour tombe dans la période."),
    "trainings": _(
        "Formations du portfolio des personnes du dispositif dont la fin tombe dans la période ; "
        "une formation compte une fois même si la personne a deux parcours."
    ),
    "trainings_obtained": _("Formations terminées dans la période avec le diplôme ou l'attestation obtenu."),
    "certifications": _("Certifications du portfolio obtenues dans la période."),
    "badges": _("Badges numériques attribués dans la période et non révoqués."),
    "workshops": _("Ateliers collectifs de la structure datés dans la période."),
    "workshop_invited": _("Personnes inscrites aux ateliers de la période (une ligne par atelier et par personne)."),
    "workshop_present": _(
        "Inscriptions marquées « présent·e » ; la part est calculée sur les inscriptions dont la présence a été saisie."
    ),
    "orientations": _(
        "Orientations créées dans la période, par type de partenaire, et où elles en sont aujourd'hui : "
        "réalisées, en cours (proposée, envoyée, acceptée, rendez-vous pris), refusées ou abandonnées."
    ),
    "barrier": _(
        "Pour les personnes sorties sur la période : parcours ayant un frein repéré dans le domaine avant la sortie, "
        "et parcours dont tous les freins du domaine étaient levés le jour de la sortie."
    ),
}

GROUP_LABELS = {g.value: str(g.label) for g in ExitGroup}
OUTCOME_LABELS = {o.value: o.label for o in Outcome}
AGE_LABELS = {
    "under_26": _("moins de 26 ans"),
    "26_49": _("26 à 49 ans"),
    "50_plus": _("50 ans et plus"),
    "unknown": _("date de naissance inconnue"),
}
assert set(AGE_LABELS) == {code for code, _low, _high in AGE_BANDS} | {"unknown"}
LENGTH_LABELS = {
    "lt_3": _("moins de 3 mois"),
    "3_6": _("3 à 6 mois"),
    "6_12": _("6 mois à 1 an"),
    "12_24": _("1 à 2 ans"),
    "gt_24": _("plus de 2 ans"),
}
