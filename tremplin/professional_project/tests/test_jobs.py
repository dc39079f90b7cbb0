"""The built-in list of common jobs and the target job form."""

import pytest

from tremplin.professional_project.forms import TargetJobForm
from tremplin.professional_project.jobs import COMMON_JOBS, ROME_CODE, code_for_title


def test_the_list_has_about_thirty_jobs_with_well_formed_codes():
    assert 30 <= len(COMMON_JOBS) <= 40
    assert len({title for title, _ in COMMON_JOBS}) == len(COMMON_JOBS)
    assert all(code == "" or ROME_CODE.match(code) for _, code in COMMON_JOBS)


def test_a_picked_suggestion_gives_its_code():
    assert code_for_title(" peintre en BÂTIMENT ") == "F1607"
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
