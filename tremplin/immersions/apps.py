from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImmersionsConfig(AppConfig):
    name = "tremplin.immersions"
    verbose_name = _("Immersions en entreprise")
    default_auto_field = "django.db.models.BigAutoField"
