from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "tremplin.matching"
    verbose_name = _("Rapprochement offres et personnes")
    default_auto_field = "django.db.models.BigAutoField"
