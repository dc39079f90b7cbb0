"""`make outdated`: which pinned packages have newer releases, told apart by what a maintainer must do."""

from pathlib import Path

from tremplin.core.outdated import classify, format_report, read_holds, read_pins, report


def test_a_newer_patch_on_the_pinned_series_is_flagged_apart_from_a_newer_major():
    finding = classify("Django", "5.2.19", ["6.0.1", "5.2.20", "5.2.19", "5.1.15", "6.1a1"])
    assert finding.patch == "5.2.20"
    assert finding.latest == "6.0.1"


def test_pre_releases_and_older_versions_are_not_reported():
    assert classify("ruff", "0.17.5", ["0.17.5", "0.17.4", "0.18.0rc1"]) is None


def test_only_a_newer_series_is_information_without_a_patch():
    finding = classify("gunicorn", "23.0.0", ["27.0.1", "23.0.0"])
    assert finding.patch is None
    assert finding.latest == "27.0.1"


def test_pins_are_read_with_extras_and_comments(tmp_path: Path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# runtime\nDjango==5.2.19\npsycopg[binary]==3.3.9  # driver\n-r other.txt\nloose>=1\n")
    assert read_pins([requirements]) == {"Django": "5.2.19", "psycopg": "3.3.9"}


def test_a_hold_from_pyproject_is_printed_with_its_reason_not_as_a_warning(tmp_path: Path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.tremplin.outdated-holds]\nGunicorn = "waits for the worker settings review"\n')
    holds = read_holds(pyproject)
    findings, unreachable = report(
        {"gunicorn": "23.0.0", "redis": "8.1.0"},
        holds,
        {"gunicorn": ["23.0.1", "23.0.0"], "redis": ["8.1.1", "8.1.0"]}.get,
    )
    text = format_report(findings, unreachable)
    warning, held = text.split("Held on purpose")
    assert "redis 8.1.0 -> 8.1.1" in warning
    assert "gunicorn" not in warning
    assert "waits for the worker settings review" in held


def test_an_unreachable_index_is_a_warning_not_a_failure():
    findings, unreachable = report({"Django": "5.2.19"}, {}, lambda name: None)
    assert findings == []
    assert "did not answer for: Django" in format_report(findings, unreachable)


def test_the_project_pyproject_holds_parse():
    read_holds(Path(__file__).resolve().parents[3] / "pyproject.toml")
