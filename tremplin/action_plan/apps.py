from django.apps import AppConfig


class ActionPlanConfig(AppConfig):
    name = "tremplin.action_plan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401
