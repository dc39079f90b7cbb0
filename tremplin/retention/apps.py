from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "tremplin.retention"
    default_auto_field = "django.db.models.BigAutoField"
