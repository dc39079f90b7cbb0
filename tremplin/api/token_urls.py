from django.urls import path

from . import token_views

app_name = "api_tokens"
# Mounted under "structure/api/".
urlpatterns = [
    path("jetons/", token_views.tokens, name="list"),
    path("jetons/<uuid:public_id>/revoquer/", token_views.revoke, name="revoke"),
]
