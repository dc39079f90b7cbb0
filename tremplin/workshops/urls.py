from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("nouveau/", views.workshop_create, name="create"),
    path("<uuid:public_id>/", views.workshop_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.workshop_edit, name="edit"),
    path("<uuid:public_id>/inviter/", views.invite, name="invite"),
    path("<uuid:public_id>/presences/", views.attendance, name="attendance"),
]
