"""/.well-known/did.json (included from config/urls.py): the installation's own did:web document."""

from django.urls import path

from . import views

urlpatterns = [path("", views.root_did_document, name="badges_root_did")]
