from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LesEmploisConfig(AppConfig):
    name = "tremplin.les_emplois"
    verbose_name = _("Les emplois de l'inclusion")
    default_auto_field = "django.db.models.BigAutoField"
