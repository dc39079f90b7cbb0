from django.urls import path

from . import views

app_name = "programme_documents"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/programme.pdf", views.programme_pdf, name="programme_pdf"),
    path("parcours/<uuid:pathway_id>/bilan-de-sortie.pdf", views.exit_assessment_pdf, name="exit_assessment_pdf"),
]
