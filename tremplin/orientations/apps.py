from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrientationsConfig(AppConfig):
    name = "tremplin.orientations"
    verbose_name = _("Orientations vers les partenaires")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from .models import OrientationStep
        from .timeline import describe, step_events

        register_source(
            OrientationStep,
            step_events,
            ("orientation__pathway", "orientation__organisation", "orientation__barrier", "by"),
        )
        register_describer(EventKind.ORIENTATION, describe)
