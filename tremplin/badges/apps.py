from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgesConfig(AppConfig):
    name = "tremplin.badges"
    verbose_name = _("Open Badges")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .timeline import describe_badge

        register_describer(EventKind.BADGE, describe_badge)
