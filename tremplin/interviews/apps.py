from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "tremplin.interviews"
    default_auto_field = "django.db.models.BigAutoField"
