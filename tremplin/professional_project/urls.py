from django.urls import path

from . import views

app_name = "professional_project"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.job_list, name="list"),
    path("metier/<uuid:public_id>/", views.job_edit, name="edit"),
    path("metier/<uuid:public_id>/retirer/", views.job_delete, name="delete"),
    path("metiers/", views.job_search, name="job_search"),
    path("metiers/suggestions/", views.job_suggestions, name="job_suggestions"),
]
