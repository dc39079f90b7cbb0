"""What each access-log part is called on the log page.

The parts of changes are the `part` of the personal-data registry's declarations, named by their `label`
(decision 0010). The parts written by pages and commands that read, export or erase (`log_access(...,
part="...")`) and by the few change hooks outside the registry are named here, in one place.
An unknown part is shown as its code.
"""

from django.utils.translation import gettext_lazy as _

from tremplin.core import personal_data

READ_PARTS = {
    "person_card": _("en-tête de la personne (référent, rendez-vous, alertes)"),
    "history": _("historique des modifications"),
    "timeline": _("chronologie du parcours"),
    "export": _("export des données de la personne"),
    "erasure_request": _("demande d'effacement"),
    "legal_hold": _("gel des données"),
    "retention:anonymised": _("anonymisation"),
    "retention:proofs": _("suppression des justificatifs d'éligibilité"),
    "journal": _("purge du journal des accès"),
    "applications": _("candidatures"),
    "calendar": _("agenda (rendez-vous de la semaine ou du jour)"),
    "badges": _("badges"),
    "barriers_review": _("revue des freins"),
    "competences": _("évaluations de compétences"),
    "consent": _("consentements"),
    "cv": _("CV"),
    "document": _("documents"),
    "exit": _("sortie"),
    "handover": _("passation"),
    "indicator_people": _("personnes derrière un indicateur"),
    "immersion_agreement": _("convention d'immersion"),
    "immersions": _("immersions"),
    "interviews": _("entretiens"),
    "matching": _("rapprochement avec les offres"),
    "messages": _("messages envoyés à la personne"),
    "mobility": _("mobilité"),
    "orientations": _("orientations"),
    "partner_summary": _("synthèse pour le partenaire"),
    "portfolio": _("portfolio"),
    "programme_pdf": _("fiche du dispositif (PDF)"),
    "review_meeting": _("réunion de synthèse"),
    "review_meeting_minutes": _("compte rendu de réunion de synthèse"),
    "review_meeting_item": _("point de réunion de synthèse"),
    "review_meeting_decision": _("décision de réunion de synthèse"),
    "workshop": _("atelier collectif"),
    "workshop_attendance": _("présence à un atelier collectif"),
    "people_list_export": _("export de la liste des personnes"),
    "caseload_export": _("export de la file active"),
}


def label_of(part: str) -> str:
    """The readable name of a part: its declaration's label, else the read parts' table, else the code."""
    if not part:
        return ""
    declaration = personal_data.by_part().get(part)
    if declaration is not None:
        return declaration.name
    label = READ_PARTS.get(part)
    return str(label) if label is not None else part
