"""The badge benchmark on tiny sizes: every figure is there, and it leaves nothing behind."""

import pytest

from tremplin.badges import bench
from tremplin.badges.models import Achievement, Award


@pytest.mark.django_db
def test_it_measures_issuing_and_verifying_against_a_bare_signature(pathway):
    lines = []
    result = bench.measure(
        {"subject": {"pathway": pathway, "counsellor": None}, "runs": 3, "prefix": "bench-", "write": lines.append}
    )
    assert result["badges"] == 5
    for key in ("issue_per_s", "verify_per_s", "bare_ed25519_sign_us", "issue_ratio_to_bare_sign"):
        assert result[key] > 0
    # Canonicalising is what costs: a credential is far slower than a bare signature.
    assert result["issue_ratio_to_bare_sign"] > 1
    assert "badges:" in lines[0]
    assert not Award.objects.exists() and not Achievement.objects.exists()
    assert bench.measure({"subject": {"pathway": pathway}, "runs": 3, "badges": 2})["badges"] == 2
