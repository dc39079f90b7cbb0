from django.urls import path

from . import views

app_name = "pathways"
urlpatterns = [
    path("ouvrir/<uuid:person_id>/", views.pathway_open, name="open"),
    path("<uuid:public_id>/statut/", views.pathway_status, name="status"),
    path("<uuid:public_id>/equipe/", views.pathway_team, name="team"),
]
