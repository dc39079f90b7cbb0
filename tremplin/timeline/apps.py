from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "tremplin.timeline"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401
