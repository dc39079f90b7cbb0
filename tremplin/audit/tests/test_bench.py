"""The access log's benchmark on tiny sizes: every figure is there, and the chains it writes verify."""

import pytest
from django.db import connection

from tremplin.audit import bench

from .conftest import needs_postgresql

FIGURES = {
    f"{mode}_{name}_appends_per_s" for mode in ("bare", "request") for name in ("one_structure", "four_structures")
}


@pytest.mark.django_db
def test_it_reports_the_four_rates_and_leaves_intact_unforked_chains():
    lines: list[str] = []
    result = bench.measure({"runs": 1, "audit_appends": 2, "write": lines.append})
    assert FIGURES <= set(result)
    assert result["pass"] is True and result["errors"] == 0
    assert result["writers"] == 1  # inside the test's transaction the writers take turns
    assert len(lines) == 4


@needs_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_four_writers_append_concurrently_without_forking():
    assert not connection.in_atomic_block
    result = bench.measure({"runs": 1, "audit_appends": 5})
    assert result["writers"] == 4
    assert result["pass"] is True and result["errors"] == 0
