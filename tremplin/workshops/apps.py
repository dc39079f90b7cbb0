from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "tremplin.workshops"
    verbose_name = _("Ateliers collectifs")
    default_auto_field = "django.db.models.BigAutoField"
