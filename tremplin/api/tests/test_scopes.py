"""Scopes narrow a token; the membership's role still decides (permission matrix of the API, by scope)."""

import pytest

from tremplin.accounts.roles import Role
from tremplin.api.scopes import ALL_SCOPES
from tremplin.job_offers.models import JobOffer

from .conftest import in_a_week


def _offer(world):
    from tremplin.employers.factories import CompanyFactory

    company = CompanyFactory(structure=world["structure"])
    return {
        "job_code": "F1703",
        "title": "Maçon·ne",
        "company": str(company.public_id),
        "postcode": "69001",
        "city": "Lyon",
        "contract_type": "fixed_term",
    }


def test_a_read_only_token_cannot_write(world, token_for, call):
    token = token_for(Role.COUNSELLOR, scopes=["job_offers:read", "appointments:read"])
    response = call(token, "POST", "/api/v1/job-offers/", _offer(world))
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "scope_missing"
    data = {"pathway": str(world["pathway"].public_id), "kind": "individual", "planned_at": in_a_week()}
    assert call(token, "POST", "/api/v1/appointments/", data).status_code == 403
    assert not JobOffer.objects.exists()


def test_a_people_token_cannot_read_the_plan_or_anything_else(world, token_for, call):
    token = token_for(Role.COUNSELLOR, scopes=["people:read"])
    assert call(token, "GET", "/api/v1/people/").status_code == 200
    pathway = world["pathway"].public_id
    for url in (
        f"/api/v1/pathways/{pathway}/plan/",
        "/api/v1/pathways/",
        "/api/v1/appointments/",
        "/api/v1/indicators/",
    ):
        response = call(token, "GET", url)
        assert response.status_code == 403, url
        assert response.json()["errors"][0]["code"] == "scope_missing"


def test_a_write_scope_includes_the_read_of_its_area(world, token_for, call):
    token = token_for(Role.COUNSELLOR, scopes=["job_offers:write"])
    assert call(token, "GET", "/api/v1/job-offers/").status_code == 200


def test_scopes_never_give_what_the_role_lacks(world, token_for, call):
    """A supervisor's token with every scope: no indicators, no job offers, no plan, no writes (403)."""
    token = token_for(Role.SUPERVISOR, scopes=ALL_SCOPES)
    pathway = world["pathway"].public_id
    assert call(token, "GET", "/api/v1/indicators/").status_code == 403
    assert call(token, "GET", "/api/v1/job-offers/").status_code == 403
    assert call(token, "GET", f"/api/v1/pathways/{pathway}/plan/").status_code == 403
    data = {"pathway": str(pathway), "kind": "individual", "planned_at": in_a_week()}
    assert call(token, "POST", "/api/v1/appointments/", data).status_code == 403


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.DIRECTOR, 200), (Role.ADMIN, 200), (Role.CASE_MANAGER, 200), (Role.COUNSELLOR, 403), (Role.DPO, 403)],
)
def test_indicators_follow_the_structure_dashboard(world, token_for, call, role, status):
    assert call(token_for(role), "GET", "/api/v1/indicators/").status_code == status
