from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "tremplin.portfolio"
    verbose_name = _("Portfolio")
    default_auto_field = "django.db.models.BigAutoField"
