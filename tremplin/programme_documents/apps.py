from django.apps import AppConfig


class ProgrammeDocumentsConfig(AppConfig):
    name = "tremplin.programme_documents"
    default_auto_field = "django.db.models.BigAutoField"
