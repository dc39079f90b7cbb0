from django.urls import path

from . import views

app_name = "applications"
urlpatterns = [
    path("", views.pipeline, name="pipeline"),
    path("parcours/<uuid:pathway_id>/", views.application_list, name="list"),
    path("parcours/<uuid:pathway_id>/nouvelle/", views.create, name="create"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.edit, name="edit"),
    path("<uuid:public_id>/etape/", views.move, name="move"),
    path("<uuid:public_id>/preparation/", views.prepare, name="prepare"),
]
