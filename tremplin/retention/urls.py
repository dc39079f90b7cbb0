from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("", views.retention_settings, name="settings"),
    path("plan/", views.purge_plan, name="plan"),
    path("gel/<uuid:person_id>/", views.legal_hold, name="hold"),
]
