from django.urls import path

from . import views

app_name = "toolbox"
urlpatterns = [
    path("", views.entry_list, name="entries"),
    path("ajouter/", views.entry_create, name="entry_create"),
    path("<uuid:public_id>/", views.entry_edit, name="entry_edit"),
    path("<uuid:public_id>/vers-le-plan/", views.to_action, name="to_action"),
]
