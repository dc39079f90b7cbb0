from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tremplin.applications"
    verbose_name = _("Candidatures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from .models import ApplicationStep
        from .timeline import describe, step_events

        register_source(ApplicationStep, step_events, ("application__pathway", "by"))
        register_describer(EventKind.APPLICATION, describe)
