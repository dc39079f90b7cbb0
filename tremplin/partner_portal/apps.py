from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerPortalConfig(AppConfig):
    name = "tremplin.partner_portal"
    verbose_name = _("Espace des partenaires et prescripteurs")
    default_auto_field = "django.db.models.BigAutoField"
