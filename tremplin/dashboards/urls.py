from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.home, name="home"),
    path("structure/", views.structure, name="structure"),
    path("donnees-personnelles/", views.personal_data, name="personal_data"),
    path("menu/compteurs/", views.menu_counts, name="menu_counts"),
    path("parcours/<uuid:public_id>/carte/", views.person_card, name="person_card"),
    path("composants/", views.components, name="components"),
]
