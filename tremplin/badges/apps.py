from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgesConfig(AppConfig):
    name = "tremplin.badges"
    verbose_name = _("Open Badges")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from .models import Award
        from .timeline import award_events, describe_badge

        register_source(Award, award_events, ("pathway", "achievement", "awarded_by", "revoked_by"))
        register_describer(EventKind.BADGE, describe_badge)
