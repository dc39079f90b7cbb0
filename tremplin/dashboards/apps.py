from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "tremplin.dashboards"
    default_auto_field = "django.db.models.BigAutoField"
