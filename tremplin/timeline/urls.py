from django.urls import path

from . import views

app_name = "timeline"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.pathway_timeline, name="pathway"),
]
