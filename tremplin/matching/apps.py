from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "tremplin.matching"
    verbose_name = _("Rapprochement offres et personnes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tremplin.timeline.models import EventKind
        from tremplin.timeline.registry import describer_for, register_describer

        from .timeline import describe_application

        # Applications share the kind: keep any sentence already registered for their variants.
        register_describer(EventKind.APPLICATION, describe_application(describer_for(EventKind.APPLICATION)))
