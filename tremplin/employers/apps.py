from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "tremplin.employers"
    verbose_name = _("Réseau d'entreprises")
    default_auto_field = "django.db.models.BigAutoField"
