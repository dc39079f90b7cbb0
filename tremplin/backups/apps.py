from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "tremplin.backups"
    default_auto_field = "django.db.models.BigAutoField"
