"""Offers entered by hand: list, creation with its rules, edition, and ownership."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.employers.factories import CompanyFactory, SiteFactory
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.job_offers.models import JobOffer
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(member):
    return member(Role.JOB_COACH)


@pytest.fixture
def company(structure):
    return CompanyFactory(structure=structure, name="Verts Jardins")


def data(company, **fields) -> dict:
    values = {
        "job_code": "a1203",
        "title": "Jardinier",
        "company": company.pk,
        "postcode": "59000",
        "city": "Lille",
        "contract_type": "fixed_term",
        "duration_months": "6",
        "weekly_hours": "35",
        "shifts": ["day", "weekend"],
        "start_date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "status": "open",
    }
    values.update(fields)
    return {key: value for key, value in values.items() if value is not None}


def test_a_job_coach_enters_an_offer(client, coach, company):
    client.force_login(coach)

    response = client.post(reverse("job_offers:create"), data(company))

    offer = JobOffer.objects.get()
    assert response.url == reverse("job_offers:detail", args=[offer.public_id])
    assert (offer.job_code, offer.structure, offer.created_by, offer.shift_codes) == (
        "A1203",
        company.structure,
        coach,
        ["day", "weekend"],
    )


def test_the_place_comes_from_the_site_when_left_empty(client, coach, company):
    site = SiteFactory(company=company, postcode="59100", city="Roubaix", latitude=50.69, longitude=3.17)
    client.force_login(coach)

    client.post(reverse("job_offers:create"), data(company, site=site.pk, postcode="", city=""))

    offer = JobOffer.objects.get()
    assert (offer.postcode, offer.city, offer.latitude) == ("59100", "Roubaix", 50.69)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"job_code": "Z9999"}, "job_code", "Code métier inconnu : Z9999"),
        ({"start_date": "2020-01-01"}, "start_date", "La date de début est passée"),
        ({"deadline": "2020-01-01"}, "deadline", "La date limite de candidature est passée."),
        ({"contract_type": "permanent"}, "duration_months", "Un CDI n'a pas de durée"),
        ({"weekly_hours": "70"}, "weekly_hours", "entre 1 et 48"),
        ({"postcode": "", "city": ""}, "postcode", "Indiquez le lieu de travail"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, coach, company, fields, field, message):
    client.force_login(coach)

    response = client.post(reverse("job_offers:create"), data(company, **fields))

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not JobOffer.objects.exists()


def test_another_structures_company_or_site_cannot_be_chosen(client, coach, company):
    foreign = CompanyFactory(structure=StructureFactory())
    foreign_site = SiteFactory(company=foreign)
    client.force_login(coach)

    response = client.post(reverse("job_offers:create"), data(company, site=foreign_site.pk))
    assert "site" in response.context["form"].errors
    response = client.post(reverse("job_offers:create"), data(foreign))
    assert "company" in response.context["form"].errors
    assert not JobOffer.objects.exists()


def test_an_offer_is_edited_even_after_its_start_date(client, coach, company):
    offer = JobOfferFactory(company=company, start_date=timezone.localdate() - datetime.timedelta(days=2))
    client.force_login(coach)
    form = client.get(reverse("job_offers:edit", args=[offer.public_id])).context["form"]
    posted = data(company, start_date=offer.start_date.isoformat(), status="filled")
    posted["concurrency_token"] = form["concurrency_token"].value()

    response = client.post(reverse("job_offers:edit", args=[offer.public_id]), posted)

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "filled"


def test_the_list_shows_open_offers_in_constant_queries(client, coach, company):
    JobOfferFactory(company=company, title="Jardinier")
    client.force_login(coach)
    client.get(reverse("job_offers:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("job_offers:list"))
    for index in range(10):
        JobOfferFactory(company=CompanyFactory(structure=company.structure), title=f"Offre {index}")
    JobOfferFactory(company=company, title="Pourvue", status="filled")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("job_offers:list"))
    assert len(many) == len(few)
    assert response.context["page"].paginator.count == 11


def test_a_supervisor_is_refused(client, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(reverse("job_offers:list")).status_code == 403


def test_it_refuses_another_structures_offer(client, company):
    offer = JobOfferFactory(company=company)
    client.force_login(MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user)
    assert client.get(reverse("job_offers:detail", args=[offer.public_id])).status_code == 404
    assert client.get(reverse("job_offers:edit", args=[offer.public_id])).status_code == 404
