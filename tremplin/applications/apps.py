from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "tremplin.applications"
    verbose_name = _("Candidatures")
    default_auto_field = "django.db.models.BigAutoField"
