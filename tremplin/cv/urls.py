from django.urls import path

from . import views

app_name = "cv"
urlpatterns = [
    path("personne/<uuid:person_id>/", views.edit, name="edit"),
    path("personne/<uuid:person_id>/apercu/", views.preview, name="preview"),
    path("personne/<uuid:person_id>/cv.pdf", views.pdf, name="pdf"),
    path("personne/<uuid:person_id>/cv.json", views.json_resume, name="json"),
]
