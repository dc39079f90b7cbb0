from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoverConfig(AppConfig):
    name = "tremplin.handover"
    verbose_name = _("Passation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.review_meetings.signals import connect_audit

        from .models import HandoverItem

        connect_audit(HandoverItem, "handover")
