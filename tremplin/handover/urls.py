from django.urls import path

from . import views

app_name = "handover"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("nouvelle/", views.create, name="create"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/lue/", views.acknowledge, name="acknowledge"),
]
