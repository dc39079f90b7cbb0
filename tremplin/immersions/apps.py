from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImmersionsConfig(AppConfig):
    name = "tremplin.immersions"
    verbose_name = _("Immersions en entreprise")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .timeline import describe

        register_describer(EventKind.IMMERSION, describe)
