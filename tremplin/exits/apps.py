from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExitsConfig(AppConfig):
    name = "tremplin.exits"
    verbose_name = _("Sorties et suivi après sortie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .timeline import describe_exit, describe_follow_up

        register_describer(EventKind.EXIT, describe_exit)
        register_describer(EventKind.FOLLOW_UP, describe_follow_up)
