from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewMeetingsConfig(AppConfig):
    name = "tremplin.review_meetings"
    verbose_name = _("Réunions de synthèse")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer, register_source

        from . import signals
        from .models import ReviewDecision
        from .timeline import decision_events, describe_decision

        register_source(ReviewDecision, decision_events, ("pathway", "item__meeting", "decided_by"))
        register_describer(EventKind.REVIEW_DECISION, describe_decision)
        signals.connect()
