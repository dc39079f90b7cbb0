from django.urls import path

from . import views

app_name = "contracts"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/signer/", views.create, name="create"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/renouveler/", views.renew, name="renew"),
    path("<uuid:public_id>/suspendre/", views.suspend, name="suspend"),
    path("<uuid:public_id>/rompre/", views.end, name="end"),
    path("<uuid:public_id>/annuler/", views.cancel, name="cancel"),
]
