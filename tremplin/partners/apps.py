from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "tremplin.partners"
    verbose_name = _("Annuaire des partenaires")
    default_auto_field = "django.db.models.BigAutoField"
