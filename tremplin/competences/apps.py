from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    name = "tremplin.competences"
    verbose_name = _("Référentiels de compétences et évaluations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .timeline import describe_session

        register_describer(EventKind.EVALUATION, describe_session)
