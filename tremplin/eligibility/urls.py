from django.urls import path

from . import views

app_name = "eligibility"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/verifier/", views.create, name="create"),
    path("<uuid:public_id>/", views.detail, name="detail"),
]
