from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tremplin.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
