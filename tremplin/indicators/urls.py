from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.page, name="page"),
    path("personnes/", views.people, name="people"),
]
