from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    name = "tremplin.competences"
    verbose_name = _("Référentiels de compétences et évaluations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from .models import EvaluationSession
        from .timeline import describe_session, session_events

        register_source(EvaluationSession, session_events, ("pathway", "coach"))
        register_describer(EventKind.EVALUATION, describe_session)
