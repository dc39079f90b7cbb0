from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobOffersConfig(AppConfig):
    name = "tremplin.job_offers"
    verbose_name = _("Offres d'emploi")
    default_auto_field = "django.db.models.BigAutoField"
