from django.urls import path

from . import views

app_name = "portfolio"
urlpatterns = [
    path("personne/<uuid:person_id>/", views.person, name="person"),
    path("personne/<uuid:person_id>/experience/", views.experience_create, name="experience_create"),
    path("experience/<uuid:public_id>/", views.experience_edit, name="experience_edit"),
    path("experience/<uuid:public_id>/supprimer/", views.experience_delete, name="experience_delete"),
    path("personne/<uuid:person_id>/formation/", views.training_create, name="training_create"),
    path("formation/<uuid:public_id>/", views.training_edit, name="training_edit"),
    path("formation/<uuid:public_id>/supprimer/", views.training_delete, name="training_delete"),
    path("personne/<uuid:person_id>/certification/", views.certification_create, name="certification_create"),
    path("certification/<uuid:public_id>/", views.certification_edit, name="certification_edit"),
    path("certification/<uuid:public_id>/supprimer/", views.certification_delete, name="certification_delete"),
]
