from django.urls import path  # noqa: F401

app_name = "professional_project"
urlpatterns: list = []
