from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("personnes/", views.people, name="people"),
    path("ma-file-active/", views.caseload, name="caseload"),
]
