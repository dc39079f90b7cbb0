from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tremplin.applications"
    verbose_name = _("Candidatures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import describer_for, register_describer

        from .timeline import describer

        # The matching app writes offers sent under the same kind: its sentence is kept for its variant.
        register_describer(EventKind.APPLICATION, describer(describer_for(EventKind.APPLICATION)))
