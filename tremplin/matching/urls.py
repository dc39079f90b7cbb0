from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.person_offers, name="person"),
    path("parcours/<uuid:pathway_id>/mobilite/", views.mobility, name="mobility"),
    path("parcours/<uuid:pathway_id>/offre/<uuid:offer_id>/envoyer/", views.send, name="send"),
    path("parcours/<uuid:pathway_id>/offre/<uuid:offer_id>/ecarter/", views.not_relevant, name="not_relevant"),
    path("parcours/<uuid:pathway_id>/offre/<uuid:offer_id>/retablir/", views.restore, name="restore"),
    path("offre/<uuid:public_id>/", views.offer_people, name="offer"),
]
