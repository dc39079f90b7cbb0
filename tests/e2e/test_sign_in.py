"""A counsellor signs in, is refused with a wrong password, and signs out."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tremplin.accounts.roles import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def counsellor(db):
    user = UserFactory(email="claire.martin@example.org", first_name="Claire", last_name="Martin")
    MembershipFactory(user=user, role=Role.COUNSELLOR, structure__name="ACI Les Jardins du Nord")
    return user


def test_a_counsellor_signs_in_and_lands_on_their_caseload(page, counsellor):
    page.goto(reverse("accounts:login"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    assert_accessible(page)

    sign_in(page, counsellor.email, DEFAULT_PASSWORD)

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")
    expect(page.get_by_text("ACI Les Jardins du Nord")).to_be_visible()
    expect(page.get_by_role("link", name="Claire Martin")).to_be_visible()
    assert_accessible(page)


def test_a_wrong_password_shows_an_error_and_stays_on_the_sign_in_page(page, counsellor):
    sign_in(page, counsellor.email, "not-the-password")

    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + "$"))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("mot de passe")
    # The address typed is kept, the password is not.
    expect(page.get_by_label("Adresse électronique")).to_have_value(counsellor.email)
    expect(page.get_by_label("Mot de passe")).to_have_value("")
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)
    assert_accessible(page)


def test_signing_out_returns_to_the_sign_in_page_and_the_home_page_asks_to_sign_in_again(page, counsellor):
    sign_in(page, counsellor.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes personnes")

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)

    page.goto(reverse("dashboards:home"))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + r"\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
