from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("personne/<uuid:person_id>/", views.person_messages, name="person"),
    path("personne/<uuid:person_id>/preferences/", views.preferences, name="preferences"),
    path("reglages/", views.structure_settings, name="settings"),
    path("reglages/texte/", views.template_edit, name="template_edit"),
    path("relance/<uuid:public_id>/", views.follow_up, name="follow_up"),
    path("fournisseur/brevo/", views.brevo_webhook, name="brevo_webhook"),
    path("r/<str:token>/", views.decline, name="decline"),
]
