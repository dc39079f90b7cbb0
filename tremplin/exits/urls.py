from django.urls import path

from . import views

app_name = "exits"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/enregistrer/", views.record, name="record"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("suivi/<uuid:public_id>/", views.follow_up, name="follow_up"),
    path("indicateurs/", views.indicators, name="indicators"),
]
