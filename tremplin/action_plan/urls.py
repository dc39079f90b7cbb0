from django.urls import path

from . import views

app_name = "action_plan"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.plan, name="plan"),
    path("parcours/<uuid:pathway_id>/reglages/", views.plan_settings, name="settings"),
    path("parcours/<uuid:pathway_id>/objectifs/ajouter/", views.objective_create, name="objective_create"),
    path("objectifs/<uuid:public_id>/", views.objective_edit, name="objective_edit"),
    path("parcours/<uuid:pathway_id>/actions/ajouter/", views.action_create, name="action_create"),
    path("actions/<uuid:public_id>/", views.action_edit, name="action_edit"),
    path("actions/<uuid:public_id>/deplacer/", views.action_move, name="action_move"),
    path("parcours/<uuid:pathway_id>/revue/", views.review, name="review"),
]
