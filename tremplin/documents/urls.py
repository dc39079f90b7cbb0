from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("personne/<uuid:person_id>/deposer/", views.upload, name="upload"),
    path("<uuid:public_id>/telecharger/", views.download, name="download"),
    path("<uuid:public_id>/supprimer/", views.delete, name="delete"),
]
