from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("ajouter/", views.partner_create, name="create"),
    path("<uuid:public_id>/", views.partner_detail, name="detail"),
    path("<uuid:public_id>/modifier/", views.partner_edit, name="edit"),
    path("<uuid:public_id>/services/ajouter/", views.service_add, name="service_add"),
    path("services/<uuid:public_id>/", views.service_edit, name="service_edit"),
    path("<uuid:public_id>/contacts/ajouter/", views.contact_add, name="contact_add"),
    path("contacts/<uuid:public_id>/", views.contact_edit, name="contact_edit"),
]
