from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExitsConfig(AppConfig):
    name = "tremplin.exits"
    verbose_name = _("Sorties et suivi après sortie")
    default_auto_field = "django.db.models.BigAutoField"
