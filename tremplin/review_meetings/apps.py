from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewMeetingsConfig(AppConfig):
    name = "tremplin.review_meetings"
    verbose_name = _("Réunions de synthèse")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from . import signals
        from .timeline import describe_decision

        register_describer(EventKind.REVIEW_DECISION, describe_decision)
        signals.connect()
