"""The matching benchmark on tiny sizes: every figure is there and query counts do not grow with the data."""

import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tremplin.matching import bench


def context(prefix: str) -> dict:
    def time_page(url, user):
        client = Client()
        client.force_login(user)
        client.get(url, secure=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, secure=True)
        assert response.status_code == 200
        times = []
        for _ in range(2):
            start = time.perf_counter()
            client.get(url, secure=True)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        return {"median_ms": median, "p95_ms": max(times), "queries": len(queries), "ratio": median / 1000}

    return {
        "prefix": prefix,
        "email_domain": "bench.invalid",
        "seed": 4,
        "time_page": time_page,
        "write": lambda line: None,
    }


@pytest.mark.django_db
def test_it_reports_the_two_pages_and_their_queries_do_not_grow_with_the_data():
    small = bench.measure(context("bench-a-"), offers=20, people=8)
    large = bench.measure(context("bench-b-"), offers=120, people=40)

    for figures in (small, large):
        assert figures["sizes"]
        for page in ("person_to_offers", "offer_to_people"):
            assert {"median_ms", "p95_ms", "queries", "ratio"} <= set(figures[page])
            assert figures[page]["queries"] <= bench.QUERY_LIMIT
        assert "pass" in figures
    assert small["person_to_offers"]["queries"] == large["person_to_offers"]["queries"]
    assert small["offer_to_people"]["queries"] == large["offer_to_people"]["queries"]
