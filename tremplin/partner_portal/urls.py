from django.urls import path

from . import views

app_name = "partner_portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("parcours/<uuid:pathway_id>/", views.pathway_summary, name="pathway"),
    path("parcours/<uuid:pathway_id>/note/", views.note_add, name="note_add"),
    path("orientations/<uuid:public_id>/", views.orientation_outcome, name="outcome"),
]
