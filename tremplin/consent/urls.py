from django.urls import path

from . import views

app_name = "consent"
urlpatterns = [
    path("personne/<uuid:person_id>/", views.person_consents, name="person"),
    path("<uuid:public_id>/retrait/", views.consent_withdraw, name="withdraw"),
    path("notice/", views.notice, name="notice"),
]
