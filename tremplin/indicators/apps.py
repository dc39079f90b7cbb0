from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "tremplin.indicators"
    verbose_name = _("Indicateurs pour les financeurs")
    default_auto_field = "django.db.models.BigAutoField"
