from django.urls import path

from . import views

app_name = "orientations"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.pathway_orientations, name="pathway"),
    path("parcours/<uuid:pathway_id>/orienter/", views.orientation_create, name="create"),
    path("parcours/<uuid:pathway_id>/partager/", views.share_create, name="share_create"),
    path("partages/<uuid:public_id>/arreter/", views.share_end, name="share_end"),
    path("reglages/", views.orientation_settings, name="settings"),
    path("<uuid:public_id>/", views.orientation_detail, name="detail"),
    path("<uuid:public_id>/statut/", views.orientation_status, name="status"),
    path("<uuid:public_id>/suite/", views.orientation_feedback, name="feedback"),
]
