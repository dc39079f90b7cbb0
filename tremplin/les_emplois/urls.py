from django.urls import path

from . import views

app_name = "les_emplois"
urlpatterns = [
    path("", views.connection, name="connection"),
    path("verifier/", views.check, name="check"),
    path("supprimer/", views.remove, name="remove"),
    path("importer/", views.pull, name="pull"),
    path("imports/<uuid:public_id>/", views.run_report, name="run"),
    path("a-rapprocher/", views.to_link, name="to_link"),
    path("a-rapprocher/<uuid:public_id>/", views.resolve, name="resolve"),
    path("parcours/<uuid:public_id>/pass-iae/", views.pass_iae, name="pass_iae"),
]
