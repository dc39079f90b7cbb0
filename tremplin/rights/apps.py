from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "tremplin.rights"
    default_auto_field = "django.db.models.BigAutoField"
