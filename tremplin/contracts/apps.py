from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "tremplin.contracts"
    default_auto_field = "django.db.models.BigAutoField"
