from django.apps import AppConfig


class WelcomeConfig(AppConfig):
    name = "tremplin.welcome"
    default_auto_field = "django.db.models.BigAutoField"
