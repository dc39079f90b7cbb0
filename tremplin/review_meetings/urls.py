from django.urls import path

from . import views

app_name = "review_meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("nouvelle/", views.meeting_create, name="create"),
    path("<uuid:public_id>/", views.meeting_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.meeting_edit, name="edit"),
    path("<uuid:public_id>/personnes/", views.pick, name="pick"),
    path("<uuid:public_id>/compte-rendu.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("points/<uuid:public_id>/decision/", views.decide, name="decide"),
    path("points/<uuid:public_id>/retirer/", views.remove, name="remove"),
    path("points/<uuid:public_id>/inviter/", views.invite, name="invite"),
]
