from django.urls import path

from . import views

app_name = "welcome"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.checklist, name="checklist"),
    path("etapes/", views.templates, name="templates"),
    path("etapes/<uuid:public_id>/", views.template_edit, name="template_edit"),
    path("etapes/<uuid:public_id>/deplacer/", views.template_move, name="template_move"),
]
