from django.urls import path

from . import views

app_name = "onboarding"
urlpatterns = [
    path("", views.start, name="start"),
    path("modele.xlsx", views.template_xlsx, name="template_xlsx"),
    path("modele.csv", views.template_csv, name="template_csv"),
    path("<uuid:public_id>/", views.run_report, name="run"),
    path("<uuid:public_id>/colonnes/", views.mapping, name="mapping"),
]
