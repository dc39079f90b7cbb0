from django.urls import path

from . import views

app_name = "employers"
urlpatterns = [
    path("", views.company_list, name="list"),
    path("ajouter/", views.company_create, name="create"),
    path("<uuid:public_id>/", views.company_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.company_edit, name="edit"),
    path("<uuid:public_id>/sites/ajouter/", views.site_create, name="site_create"),
    path("sites/<uuid:public_id>/modifier/", views.site_edit, name="site_edit"),
    path("<uuid:public_id>/contacts/ajouter/", views.contact_create, name="contact_create"),
    path("contacts/<uuid:public_id>/modifier/", views.contact_edit, name="contact_edit"),
    path("<uuid:public_id>/echanges/ajouter/", views.interaction_create, name="interaction_create"),
]
