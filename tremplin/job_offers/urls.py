from django.urls import path

from . import views

app_name = "job_offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("ajouter/", views.offer_create, name="create"),
    path("<uuid:public_id>/", views.offer_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.offer_edit, name="edit"),
    path("importer/", views.import_upload, name="import"),
    path("importer/modele.csv", views.import_sample, name="import_sample"),
    path("importer/<uuid:public_id>/", views.import_report, name="import_report"),
]
