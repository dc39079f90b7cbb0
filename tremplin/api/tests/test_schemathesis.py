"""The API against its own OpenAPI schema (schemathesis): no server error, every answer as documented.

Bounded for CI: a few derandomized examples per operation, for a token with every scope on a seeded
structure (its director, who reads and writes everything the API offers).
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tremplin.accounts.roles import Role


def _load() -> schemathesis.BaseSchema:
    """The schema the API serves, built in-process (the served one is the same document), called through WSGI."""
    document = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = get_wsgi_application()
    return loaded


schema = _load()


@pytest.fixture
def keep_the_test_connection():
    """As Django's test client does: a request through WSGI must not close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def director_key(world, token_for, keep_the_test_connection):
    from tremplin.employers.factories import CompanyFactory
    from tremplin.job_offers.factories import JobOfferFactory

    JobOfferFactory(company=CompanyFactory(structure=world["structure"]))
    return token_for(Role.DIRECTOR).key


@schema.parametrize()
@settings(max_examples=6, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_its_schema_says(case, director_key):
    auth = {"Authorization": f"Bearer {director_key}"}
    response = case.call(headers=auth)
    # Refusals by business rules of schema-valid input (an unknown company) are the API's job, not a failure.
    case.validate_response(response, headers=auth, excluded_checks=[positive_data_acceptance])
