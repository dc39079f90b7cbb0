from django.urls import path

from . import views

app_name = "observations"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nouvelle/", views.quick, name="quick"),
    path("a-lire/", views.inbox, name="inbox"),
    path("<uuid:public_id>/vue/", views.acknowledge, name="acknowledge"),
    path("parcours/<uuid:pathway_id>/", views.pathway_list, name="list"),
    path("presences/", views.attendance, name="attendance"),
]
