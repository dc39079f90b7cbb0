from django.apps import AppConfig


class StructuresConfig(AppConfig):
    name = "tremplin.structures"
    default_auto_field = "django.db.models.BigAutoField"
