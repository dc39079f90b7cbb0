"""The API's part of `make bench`: every list endpoint timed, with the same query count on a small structure."""

from tremplin.accounts.roles import Role
from tremplin.api import bench


def test_the_api_lists_cost_the_same_queries_on_a_large_and_a_small_structure(world):
    context = {
        "subject": {"counsellor": world["members"][Role.COUNSELLOR].user, "pathway": world["pathway"]},
        "runs": 2,
        "warmups": 1,
        "baseline_ms": 1000.0,
        "prefix": "bench-",
        "email_domain": "bench.invalid",
    }
    result = bench.measure(context)
    assert set(result) == {*bench.ENDPOINTS, "pass"}
    for url in bench.ENDPOINTS:
        assert result[url]["queries"] == result[url]["queries_small_structure"], url
    assert result["pass"] is True
