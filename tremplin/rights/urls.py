from django.urls import path

from . import views

app_name = "rights"
urlpatterns = [
    path("personne/<uuid:person_id>/", views.person_rights, name="person"),
    path("personne/<uuid:person_id>/export.json", views.export_json, name="export_json"),
    path("personne/<uuid:person_id>/export.pdf", views.export_pdf, name="export_pdf"),
    path("personne/<uuid:person_id>/effacement/", views.erasure_request, name="erasure_request"),
    path("effacement/<uuid:public_id>/decision/", views.erasure_decide, name="erasure_decide"),
]
