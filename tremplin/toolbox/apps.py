from django.apps import AppConfig


class ToolboxConfig(AppConfig):
    name = "tremplin.toolbox"
    default_auto_field = "django.db.models.BigAutoField"
