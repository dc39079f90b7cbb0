from django.urls import path

from . import views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("nouveau/", views.programme_create, name="create"),
    path("<uuid:public_id>/", views.programme_edit, name="edit"),
]
