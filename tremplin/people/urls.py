from django.urls import path

from . import views, views_history

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("nouvelle/", views.person_create, name="create"),
    path("<uuid:public_id>/", views.person_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.person_edit, name="edit"),
    path("<uuid:public_id>/historique/", views_history.person_history, name="history"),
]
