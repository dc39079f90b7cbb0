from django.apps import AppConfig


class BarriersConfig(AppConfig):
    name = "tremplin.barriers"
    default_auto_field = "django.db.models.BigAutoField"
