from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "tremplin.workshops"
    verbose_name = _("Ateliers collectifs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.review_meetings.signals import connect_audit
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import register_describer

        from .models import Participant
        from .timeline import describe_workshop

        register_describer(EventKind.WORKSHOP, describe_workshop)
        connect_audit(Participant, "workshop_attendance")
