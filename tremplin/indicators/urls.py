from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.page, name="page"),
    path("personnes/", views.people, name="people"),
    path("rapports/", views.reports, name="reports"),
    path("rapports/<uuid:public_id>/", views.report, name="report"),
    path("rapports/<uuid:public_id>/pdf/", views.report_pdf, name="report_pdf"),
    path("rapports/<uuid:public_id>/xlsx/", views.report_xlsx, name="report_xlsx"),
    path("rapports/<uuid:public_id>/csv/", views.report_csv, name="report_csv"),
    path("objectifs/", views.targets, name="targets"),
    path("objectifs/progression/", views.progress, name="progress"),
]
