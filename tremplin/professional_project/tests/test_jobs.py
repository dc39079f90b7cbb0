"""The built-in list of common jobs and the target job form."""

import csv
from pathlib import Path

import pytest

from tremplin.professional_project.forms import TargetJobForm
from tremplin.professional_project.jobs import COMMON_JOBS, ROME_CODE, code_for_title

FULL = Path("/work/shared/data/rome-v460")


def test_the_list_has_a_few_hundred_jobs_each_with_a_well_formed_code():
    assert 200 <= len(COMMON_JOBS) <= 400
    assert len({title for title, _ in COMMON_JOBS}) == len(COMMON_JOBS)
    assert all(ROME_CODE.match(code) for _, code in COMMON_JOBS)


def test_the_list_covers_the_work_integration_sectors():
    families = {code[:3] for _, code in COMMON_JOBS}
    # cleaning, green spaces, building, logistics, catering, retail, recycling, care, transport
    assert {"K22", "A12", "F17", "N11", "G16", "D15", "K23", "K13", "N41"} <= families


@pytest.mark.skipif(not FULL.is_dir(), reason="the ROME v460 extract is not on this machine")
def test_every_built_in_code_is_a_job_sheet_of_rome_4():
    with (FULL / "unix_referentiel_code_rome_v460_utf8.csv").open(encoding="utf-8-sig") as file:
        sheets = {row["code_rome"] for row in csv.DictReader(file)}
    assert {code for _, code in COMMON_JOBS} - sheets == set()


def test_a_picked_suggestion_gives_its_code():
    assert code_for_title(" peintre en BÂTIMENT ") == "F1606"
    assert code_for_title("Astronaute") == ""


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": "", "status": "to_explore"}, "title"),
        ({"title": "   ", "status": "to_explore"}, "title"),
        ({"title": "Cariste", "job_code": "1234", "status": "to_explore"}, "job_code"),
        ({"title": "Cariste", "job_code": "Z1234", "status": "to_explore"}, "job_code"),
        ({"title": "Cariste", "status": "hired"}, "status"),
    ],
)
def test_bad_input_is_refused_on_its_field(data, field):
    form = TargetJobForm(data)
    assert not form.is_valid()
    assert field in form.errors


def test_the_code_is_filled_from_the_suggestion_and_uppercased():
    form = TargetJobForm({"title": "Cariste", "status": "to_explore"})
    assert form.is_valid()
    assert form.cleaned_data["job_code"] == "N1101"
    form = TargetJobForm({"title": "Autre", "job_code": "a1203", "status": "to_explore"})
    assert form.is_valid()
    assert form.cleaned_data["job_code"] == "A1203"
