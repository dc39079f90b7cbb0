from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "tremplin.onboarding"
    verbose_name = _("Reprise depuis un tableur")
    default_auto_field = "django.db.models.BigAutoField"
