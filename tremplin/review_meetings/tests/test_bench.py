"""The agenda benchmark on tiny sizes: both agendas are measured, with the same queries, and nothing is left."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tremplin.review_meetings import bench
from tremplin.review_meetings.models import ReviewMeeting


def _time_page(url, user):
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return {"median_ms": 1.0, "p95_ms": 1.0, "queries": len(queries), "ratio": 1.0}


def test_the_agenda_costs_the_same_queries_with_3_and_30_people(structure, counsellor, make_pathway):
    for n in range(5):
        make_pathway(f"P{n}", f"N{n}")
    lines = []
    result = bench.measure(
        {
            "subject": {"pathway": make_pathway(), "counsellor": counsellor},
            "runs": 1,
            "prefix": "bench-",
            "time_page": _time_page,
            "write": lines.append,
        }
    )
    assert result["agenda_3"]["people"] == 3 and result["agenda_30"]["people"] == 6
    assert result["agenda_3"]["queries"] == result["agenda_30"]["queries"]
    assert result["pass"] is True
    assert "agenda with 6 people" in lines[1]
    assert not ReviewMeeting.objects.exists()
