from django.urls import path

from . import views

app_name = "barriers"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.barrier_list, name="list"),
    path("parcours/<uuid:pathway_id>/classement/", views.barrier_rank, name="rank"),
    path("parcours/<uuid:pathway_id>/bilan/", views.barrier_review, name="review"),
    path("<uuid:public_id>/", views.barrier_edit, name="edit"),
]
