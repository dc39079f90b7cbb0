"""`manage.py bench` on tiny sizes: every figure is there and query counts do not grow with the data."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tremplin.structures.factories import StructureFactory

PAGES = ("baseline", "home", "timeline", "action_plan")


def run_bench(**sizes) -> dict:
    out = StringIO()
    call_command("bench", runs=3, warmups=1, stdout=out, **sizes)
    return json.loads(out.getvalue().strip().splitlines()[-1])


@pytest.mark.django_db
def test_it_reports_every_figure_and_query_counts_independent_of_size():
    small = run_bench(structures=2, pathways=50, events=500)
    for key in ("database", "sizes", "generation_s", "peak_rss_mb", "pages", "targets", "all_pass"):
        assert key in small
    assert set(small["pages"]) == set(PAGES)
    for page in small["pages"].values():
        assert {"median_ms", "p95_ms", "queries", "ratio"} <= set(page)
        assert page["queries"] > 0
    assert small["pages"]["baseline"]["ratio"] == 1.0

    double = run_bench(structures=4, pathways=100, events=1000, reset=True)
    assert {name: page["queries"] for name, page in double["pages"].items()} == {
        name: page["queries"] for name, page in small["pages"].items()
    }


@pytest.mark.django_db
def test_it_refuses_a_database_holding_other_data():
    StructureFactory(name="ACI du Val")
    with pytest.raises(CommandError, match="dedicated"):
        run_bench(structures=1, pathways=1, events=1)


@pytest.mark.django_db
def test_it_refuses_to_add_to_a_previous_data_set_without_reset():
    run_bench(structures=1, pathways=5, events=10)
    with pytest.raises(CommandError, match="--reset"):
        run_bench(structures=1, pathways=5, events=10)
