"""Cursor pages and their constant cost, and the per-token throttle."""

import pytest

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory


def _walk(call, token, url) -> list[dict]:
    rows = []
    while url:
        body = call(token, "GET", url).json()
        rows += body["results"]
        url = body["next"]
    return rows


def test_cursor_pages_cover_the_list_once(world, token_for, call):
    for _ in range(5):
        PathwayFactory(person__structure=world["structure"], programme=world["pathway"].programme)
    token = token_for(Role.DIRECTOR)
    rows = _walk(call, token, "/api/v1/pathways/?page_size=2")
    assert len(rows) == 7
    assert len({row["id"] for row in rows}) == 7


def test_a_bad_cursor_is_404_in_the_error_format(world, token_for, call):
    response = call(token_for(), "GET", "/api/v1/people/?cursor=nonsense")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


@pytest.mark.parametrize("url", ["/api/v1/people/", "/api/v1/pathways/", "/api/v1/appointments/"])
def test_list_pages_cost_the_same_whatever_the_size(world, token_for, call, django_assert_max_num_queries, url):
    token = token_for(Role.DIRECTOR)
    call(token, "GET", url)  # the token's last use is written once
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert call(token, "GET", url).status_code == 200
    for _ in range(12):
        PathwayFactory(person__structure=world["structure"], programme=world["pathway"].programme)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert call(token, "GET", url).status_code == 200


def test_each_token_has_its_own_budget(world, token_for, call, settings):
    settings.TREMPLIN_API_RATE = "2/minute"
    first, second = token_for(Role.DIRECTOR), token_for(Role.COUNSELLOR)
    assert call(first, "GET", "/api/v1/people/").status_code == 200
    assert call(first, "GET", "/api/v1/people/").status_code == 200
    refused = call(first, "GET", "/api/v1/people/")
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    assert call(second, "GET", "/api/v1/people/").status_code == 200
