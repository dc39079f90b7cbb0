from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CvConfig(AppConfig):
    name = "tremplin.cv"
    verbose_name = _("CV")
    default_auto_field = "django.db.models.BigAutoField"
