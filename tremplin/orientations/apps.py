from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrientationsConfig(AppConfig):
    name = "tremplin.orientations"
    verbose_name = _("Orientations vers les partenaires")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .timeline import describe

        register_describer(EventKind.ORIENTATION, describe)
