from django.urls import path

from . import views

app_name = "interviews"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.interview_list, name="list"),
    path("parcours/<uuid:pathway_id>/prevoir/", views.create, name="create"),
    path("parcours/<uuid:pathway_id>/accueil/", views.intake, name="intake"),
    path("parcours/<uuid:pathway_id>/deja-tenu/", views.record_held, name="record_held"),
    path("<uuid:public_id>/compte-rendu/", views.record, name="record"),
    path("<uuid:public_id>/modifier/", views.edit, name="edit"),
]
