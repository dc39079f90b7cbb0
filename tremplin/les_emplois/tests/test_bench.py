from tremplin.les_emplois import bench


def test_the_bench_pulls_its_records_and_reports_time_and_memory(db):
    lines = []
    result = bench.measure({"prefix": "bench-", "les_emplois_records": 30, "write": lines.append})
    assert result["created"] == 30 and result["pass"], result
    assert result["tracemalloc_peak_mib"] > 0 and result["calls"] == 3  # the token, then two pages of 20
    assert "30 hires pulled" in lines[0], lines
