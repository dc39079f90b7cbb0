from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewMeetingsConfig(AppConfig):
    name = "tremplin.review_meetings"
    verbose_name = _("Réunions de synthèse")
    default_auto_field = "django.db.models.BigAutoField"
