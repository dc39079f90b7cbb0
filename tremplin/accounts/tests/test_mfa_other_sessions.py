"""Enrolling a second factor in one session changes what the user's other sessions may do.

The user's other sessions (another browser, another computer) were opened before the device existed:
they must ask for a code before any further page, and the code must let them in, with no redirect loop
when the structure also makes the second factor compulsory.
"""

import datetime
import time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.roles import Role
from tremplin.accounts.views_mfa import ENROL_KEY_SESSION

pytestmark = pytest.mark.django_db
HOME = reverse("dashboards:home")
PEOPLE = reverse("people:list")
VERIFY = reverse("accounts:mfa_verify")
ENROL = reverse("accounts:mfa_enrol")
MAX_HOPS = 6


def code_at(device: TOTPDevice, when: float) -> str:
    totp = TOTP(device.bin_key)
    totp.time = when
    return f"{totp.token():06d}"


def sign_in(client: Client, user) -> None:
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302


def enrol_through_the_pages(client: Client) -> TOTPDevice:
    """What the user does in another browser: opens the set-up page and types the code of the new app."""
    assert client.get(ENROL).status_code == 200
    key = client.session[ENROL_KEY_SESSION]
    totp = TOTP(bytes.fromhex(key))
    totp.time = time.time()
    response = client.post(ENROL, {"code": f"{totp.token():06d}"})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    return TOTPDevice.objects.get(key=key, confirmed=True)


def land(client: Client, url: str):
    """Follows redirects like a browser; returns the page reached and the redirects on the way (a loop never lands)."""
    hops = []
    response = client.get(url)
    while response.status_code == 302 and len(hops) < MAX_HOPS:
        hops.append(response.url)
        response = client.get(response.url)
    return response, hops


@pytest.fixture
def start():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def strict(structure):
    structure.mfa_required = True
    structure.save()
    return structure


def test_an_old_session_of_a_now_strict_structure_asks_for_the_code_and_gets_in(start, member, structure):
    user = member(Role.COUNSELLOR)
    old, other = Client(), Client()
    sign_in(old, user)
    assert old.get(HOME).status_code == 200

    structure.mfa_required = True
    structure.save()
    sign_in(other, user)
    assert other.get(HOME).url.startswith(ENROL)
    device = enrol_through_the_pages(other)

    page, hops = land(old, HOME)
    assert page.status_code == 200, f"no page reached after {hops}"
    assert page.request["PATH_INFO"] == VERIFY
    assert len(hops) == 1

    start.shift(datetime.timedelta(seconds=60))  # the enrolment's code cannot be used twice
    response = old.post(VERIFY, {"code": code_at(device, time.time()), "next": HOME})
    assert response.status_code == 302
    assert response.url == HOME
    assert old.get(HOME).status_code == 200
    assert old.get(PEOPLE).status_code == 200


def test_sessions_opened_before_the_enrolment_must_give_a_code_for_every_page(start, member):
    user = member(Role.COUNSELLOR)
    laptop, phone = Client(), Client()
    sign_in(laptop, user)
    sign_in(phone, user)
    assert laptop.get(HOME).status_code == 200

    device = enrol_through_the_pages(phone)

    for url in (HOME, PEOPLE, reverse("accounts:profile"), reverse("accounts:mfa")):
        response = laptop.get(url)
        assert response.status_code == 302
        assert response.url.startswith(VERIFY)
    response = laptop.post(reverse("accounts:profile"), {"first_name": "Intrus", "last_name": "X"})
    assert response.status_code == 302
    assert response.url.startswith(VERIFY)
    user.refresh_from_db()
    assert user.first_name != "Intrus"

    start.shift(datetime.timedelta(seconds=60))
    response = laptop.post(VERIFY, {"code": code_at(device, time.time())})
    assert response.status_code == 302
    assert laptop.get(HOME).status_code == 200


def test_the_session_that_enrolled_keeps_working(start, member):
    user = member(Role.COUNSELLOR)
    phone = Client()
    sign_in(phone, user)
    enrol_through_the_pages(phone)
    assert phone.get(HOME).status_code == 200
    assert phone.get(PEOPLE).status_code == 200


def test_a_verified_session_keeps_working_when_another_session_signs_in(start, member):
    user = member(Role.COUNSELLOR)
    phone, laptop = Client(), Client()
    sign_in(phone, user)
    enrol_through_the_pages(phone)
    sign_in(laptop, user)
    assert laptop.get(HOME).url.startswith(VERIFY)
    assert phone.get(HOME).status_code == 200


def test_a_colleague_without_a_second_factor_is_not_bothered(start, member):
    user, colleague = member(Role.COUNSELLOR), member(Role.COUNSELLOR)
    phone, desk = Client(), Client()
    sign_in(desk, colleague)
    sign_in(phone, user)
    enrol_through_the_pages(phone)
    assert desk.get(HOME).status_code == 200
    assert desk.get(PEOPLE).status_code == 200


def test_turning_the_second_factor_off_frees_the_other_sessions(start, member):
    user = member(Role.COUNSELLOR)
    phone, laptop = Client(), Client()
    sign_in(laptop, user)
    sign_in(phone, user)
    enrol_through_the_pages(phone)
    assert laptop.get(HOME).status_code == 302
    response = phone.post(reverse("accounts:mfa"), {"action": "disable", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert laptop.get(HOME).status_code == 200


def test_an_old_session_of_a_strict_structure_whose_device_was_removed_is_sent_to_set_one_up(start, member, strict):
    user = member(Role.COUNSELLOR)
    phone, laptop = Client(), Client()
    sign_in(phone, user)
    device = enrol_through_the_pages(phone)
    sign_in(laptop, user)
    # Removed by an administrator, recovery codes included.
    TOTPDevice.objects.filter(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    page, hops = land(laptop, HOME)
    assert page.status_code == 200, f"no page reached after {hops}"
    assert page.request["PATH_INFO"] == ENROL


def test_a_flag_left_behind_by_a_bulk_update_does_not_trap_the_user(start, member):
    user = member(Role.COUNSELLOR)
    phone, laptop = Client(), Client()
    sign_in(phone, user)
    enrol_through_the_pages(phone)
    sign_in(laptop, user)
    # An update() sends no signal: the account still says it has a second factor.
    TOTPDevice.objects.filter(user=user).update(confirmed=False)
    StaticDevice.objects.filter(user=user).update(confirmed=False)
    page, hops = land(laptop, HOME)
    assert page.status_code == 200, f"no page reached after {hops}"
    assert page.request["PATH_INFO"] == HOME
