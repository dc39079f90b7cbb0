"""What the competences app holds about a person: evaluation sessions, scores, evidence and self-evaluation
links (decision 0010). Levels stay for the structure's figures; comments and descriptions go."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData, TimelineSource

DECLARATIONS = [
    PersonalData(
        model="competences.EvaluationSession",
        person_path="pathway__person",
        timeline=TimelineSource("tremplin.competences.timeline.session_events", ("pathway", "coach")),
        part="competence_session",
        keep_reason=_("Des dates et des modes de passation : les niveaux comptent pour les bilans."),
        export=ExportSection("evaluation_sessions", ordering=("held_on", "pk")),
    ),
    PersonalData(
        model="competences.Score",
        person_path="session__pathway__person",
        part="competence_score",
        erase={"comment": ""},
        export=ExportSection("competence_scores", ordering=("session", "position", "pk")),
    ),
    PersonalData(
        model="competences.Evidence",
        person_path="score__session__pathway__person",
        part="competence_evidence",
        erase={"description": ""},
        export=ExportSection("competence_evidence"),
    ),
    PersonalData(
        model="competences.SelfEvaluationLink",
        person_path="session__pathway__person",
        keep_reason=_("Des dates de validité et d'usage seulement."),
        export=ExportSection("self_evaluation_links", fields=("session", "expires_at", "used_at", "revoked_at")),
    ),
]
