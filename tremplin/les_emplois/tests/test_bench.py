from tremplin.les_emplois import bench


def test_the_bench_pulls_its_records_and_reports_time_and_memory(db):
    lines = []
    result = bench.measure({"prefix": "bench-", "les_emplois_records": 30, "write": lines.append})
    assert result["created"] == 30 and result["pass"], result
    assert result["peak_mib"] > 0 and result["calls"] == 2  # the token, then one page of 100
    assert "30 hires pulled" in lines[0], lines
