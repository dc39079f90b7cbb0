from django.apps import AppConfig


class ProfessionalProjectConfig(AppConfig):
    name = "tremplin.professional_project"
    default_auto_field = "django.db.models.BigAutoField"
