"""A director sets up the second sign-in factor, signs out, and signs in again with password then code."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, decode_qr, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code_for(secret: str, offset_steps: int = 0) -> str:
    """The code an authentication app shows for the secret printed on the page (base32, spaced by 4)."""
    from base64 import b32decode

    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() + 30 * offset_steps
    return f"{totp.token():06d}"


def enrol(page) -> str:
    page.goto(reverse("accounts:mfa"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Double authentification")
    assert_accessible(page)
    page.get_by_role("link", name="Activer la double authentification").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activer la double authentification")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#mfa-secret").inner_text()
    assert f"secret={secret.replace(' ', '')}" in decode_qr(page.get_by_role("img", name=re.compile("QR code")))
    page.get_by_label(re.compile("Code à 6 chiffres")).fill(code_for(secret))
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vos codes de secours")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    return secret


def test_a_director_enrols_and_signs_in_with_a_code(page, french_aci):
    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    secret = enrol(page)

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")

    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:mfa_verify"))))
    expect(page.get_by_role("heading", level=1)).to_have_text("Code de connexion")
    assert_accessible(page)
    # The code used to enrol cannot be replayed: take the next one.
    page.get_by_label(re.compile("Code de connexion")).fill(code_for(secret, offset_steps=1))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Code de connexion")


def test_a_wrong_code_shows_an_error(page, french_aci):
    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    secret = enrol(page)
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()

    sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
    wrong = f"{(int(code_for(secret)) + 500000) % 1000000:06d}"
    page.get_by_label(re.compile("Code de connexion")).fill(wrong)
    page.get_by_role("button", name="Valider").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Ce code n'est pas valable")
    assert_accessible(page)
    page.goto(reverse("people:list"))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:mfa_verify"))))
