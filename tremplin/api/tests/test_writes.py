"""Writes go through the pages' forms and services: same rules, same messages, nothing half-written."""

import datetime

from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.employers.factories import CompanyFactory
from tremplin.interviews.models import Interview
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.job_offers.models import JobOffer, OfferSource

from .conftest import in_a_week


def _errors(response) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


def test_planning_an_appointment(world, token_for, call):
    data = {"pathway": str(world["pathway"].public_id), "kind": "individual", "planned_at": in_a_week()}
    response = call(token_for(Role.COUNSELLOR), "POST", "/api/v1/appointments/", data)
    assert response.status_code == 201, response.json()
    interview = Interview.objects.get(public_id=response.json()["id"])
    assert interview.led_by == world["members"][Role.COUNSELLOR].user
    assert interview.visibility == "social_staff_only"  # the kind's default, as on the page
    assert AccessLogEntry.objects.filter(action="create", object_public_id=str(interview.public_id)).exists()


def test_an_appointment_in_the_past_gets_the_services_message(world, token_for, call):
    past = (timezone.now() - datetime.timedelta(days=2)).isoformat()
    data = {"pathway": str(world["pathway"].public_id), "kind": "tripartite", "planned_at": past}
    response = call(token_for(Role.COUNSELLOR), "POST", "/api/v1/appointments/", data)
    assert response.status_code == 400
    errors = _errors(response)
    assert errors["planned_at"][0].startswith("Date prévue : un rendez-vous ne peut pas être prévu dans le passé")
    assert errors["third_party"][0].startswith("Tiers présent")
    assert Interview.objects.count() == 2


def test_bad_types_name_the_field(world, token_for, call):
    data = {"pathway": "not-a-uuid", "kind": "party", "planned_at": "tomorrow"}
    response = call(token_for(Role.COUNSELLOR), "POST", "/api/v1/appointments/", data)
    assert response.status_code == 400
    assert set(_errors(response)) == {"pathway", "kind", "planned_at"}


def test_changing_an_appointment_keeps_what_is_not_sent(world, token_for, call):
    interview = world["interviews"]["team"]
    response = call(
        token_for(Role.COUNSELLOR), "PATCH", f"/api/v1/appointments/{interview.public_id}/", {"channel": "phone"}
    )
    assert response.status_code == 200, response.json()
    interview.refresh_from_db()
    assert interview.channel == "phone"
    assert interview.third_party == "FT"


def test_recording_an_appointment_held_in_the_future_is_refused(world, token_for, call):
    interview = world["interviews"]["team"]
    later = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = call(
        token_for(Role.COUNSELLOR),
        "PATCH",
        f"/api/v1/appointments/{interview.public_id}/",
        {"held_on": later, "attendance": "present"},
    )
    assert response.status_code == 400
    assert "held_on" in _errors(response)


def _offer_data(world, **changes):
    company = CompanyFactory(structure=world["structure"])
    data = {
        "job_code": "F1703",
        "title": "Maçon·ne",
        "company": str(company.public_id),
        "postcode": "69001",
        "city": "Lyon",
        "contract_type": "fixed_term",
        "shifts": ["early"],
        "weekly_hours": 35,
    }
    data.update(changes)
    return data


def test_creating_a_job_offer(world, token_for, call):
    response = call(token_for(Role.JOB_COACH), "POST", "/api/v1/job-offers/", _offer_data(world))
    assert response.status_code == 201, response.json()
    offer = JobOffer.objects.get(public_id=response.json()["id"])
    assert offer.source == OfferSource.API
    assert offer.shift_codes == ["early"]
    assert response.json()["shifts"] == ["early"]


def test_a_job_offer_of_another_structures_company_is_refused_with_the_forms_message(world, token_for, call):
    stranger = CompanyFactory()
    data = _offer_data(world, company=str(stranger.public_id), postcode="")
    response = call(token_for(Role.JOB_COACH), "POST", "/api/v1/job-offers/", data)
    assert response.status_code == 400
    errors = _errors(response)
    assert "company" in errors
    assert not JobOffer.objects.exists()


def test_changing_a_job_offer(world, token_for, call):
    offer = JobOfferFactory(company=CompanyFactory(structure=world["structure"]))
    response = call(token_for(Role.JOB_COACH), "PATCH", f"/api/v1/job-offers/{offer.public_id}/", {"status": "filled"})
    assert response.status_code == 200, response.json()
    offer.refresh_from_db()
    assert offer.status == "filled"


def test_a_job_offer_of_another_structure_is_404(world, token_for, call):
    offer = JobOfferFactory()
    response = call(token_for(Role.JOB_COACH), "PATCH", f"/api/v1/job-offers/{offer.public_id}/", {"status": "filled"})
    assert response.status_code == 404


def test_the_intake_interview_is_changed_on_its_page_only(world, token_for, call):
    from tremplin.interviews.factories import InterviewFactory

    intake = InterviewFactory(pathway=world["pathway"], kind="intake")
    response = call(token_for(Role.COUNSELLOR), "PATCH", f"/api/v1/appointments/{intake.public_id}/", {"notes": "x"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "intake"
