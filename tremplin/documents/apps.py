from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tremplin.documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
