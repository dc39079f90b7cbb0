from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """`manage.py bench`: the top layer that builds data through every domain app and times their pages."""

    name = "tremplin.benchmark"
    default_auto_field = "django.db.models.BigAutoField"
