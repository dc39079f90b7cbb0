"""The health check answers the load balancer over plain HTTP in production; every other page still goes to HTTPS."""

import pytest
from django.test import override_settings
from django.urls import reverse

# What config/settings.py sets when DEBUG and the demo are off (SECURE_REDIRECT_EXEMPT is set in every mode).
PRODUCTION = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "ALLOWED_HOSTS": ["tremplin.example"],
}


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_over_plain_http_the_health_check_answers_and_other_pages_redirect_to_https(client):
    health = client.get(reverse("core:health"), HTTP_HOST="tremplin.example")

    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
    for path in (reverse("accounts:login"), "/", reverse("core:health") + "autre/", "/x" + reverse("core:health")):
        response = client.get(path, HTTP_HOST="tremplin.example")
        assert response.status_code == 301, path
        assert response["Location"] == f"https://tremplin.example{path}"
