from django.urls import path

from . import views

app_name = "immersions"
urlpatterns = [
    path("parcours/<uuid:pathway_id>/", views.immersion_list, name="list"),
    path("parcours/<uuid:pathway_id>/nouvelle/", views.create, name="create"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.edit, name="edit"),
    path("<uuid:public_id>/bilan/", views.evaluate, name="evaluate"),
    path("<uuid:public_id>/suivi/", views.plan_follow_up, name="plan_follow_up"),
    path("<uuid:public_id>/convention.pdf", views.agreement_pdf, name="agreement_pdf"),
]
