"""The OpenAPI schema and its documentation page, served without a CDN and under the CSP."""

import re

import pytest
import yaml


@pytest.mark.django_db
def test_the_schema_is_public_and_documents_the_errors(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    operation = schema["paths"]["/api/v1/people/"]["get"]
    assert {"200", "401", "403", "429"} <= set(operation["responses"])
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    assert "Errors" in schema["components"]["schemas"]


@pytest.mark.django_db
def test_the_documentation_page_loads_its_assets_locally_without_inline_code(client):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script>(?!\s*</script>)", html)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources)
    policy = page["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
