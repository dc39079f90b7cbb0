from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImmersionsConfig(AppConfig):
    name = "tremplin.immersions"
    verbose_name = _("Immersions en entreprise")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from .models import Immersion, ImmersionEvaluation
        from .timeline import describe, evaluation_events, immersion_events

        register_source(Immersion, immersion_events, ("pathway",))
        register_source(ImmersionEvaluation, evaluation_events, ("immersion__pathway", "evaluated_by"))
        register_describer(EventKind.IMMERSION, describe)
