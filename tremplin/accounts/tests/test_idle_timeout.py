"""Sessions end after TREMPLIN_IDLE_TIMEOUT_MINUTES without a request; the clock is moved with time_machine."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.accounts.middleware import LAST_ACTIVITY_KEY
from tremplin.accounts.roles import Role

pytestmark = pytest.mark.django_db
HOME = reverse("dashboards:home")


def sign_in(client, user) -> None:
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302


def test_after_31_idle_minutes_the_next_request_goes_to_sign_in_with_a_message(client, member):
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, user)
        assert client.get(HOME).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        response = client.get(HOME)
        assert response.status_code == 302
        assert response.url == f"{reverse('accounts:login')}?next=%2F"
        assert "_auth_user_id" not in client.session
        page = client.get(response.url)
        assert "Votre session a expiré après 30 minutes sans activité" in page.content.decode()


def test_activity_keeps_the_session_alive(client, member):
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_in(client, user)
        for _ in range(4):
            clock.shift(datetime.timedelta(minutes=20))
            assert client.get(HOME).status_code == 200


def test_the_timeout_is_a_setting(client, member, settings):
    settings.TREMPLIN_IDLE_TIMEOUT_MINUTES = 5
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_in(client, user)
        clock.shift(datetime.timedelta(minutes=6))
        assert client.get(HOME).status_code == 302


def test_the_activity_time_is_written_at_most_once_a_minute(client, member):
    user = member(Role.COUNSELLOR)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(user)  # the sign-in signal notes the time
        first = client.session[LAST_ACTIVITY_KEY]
        clock.shift(datetime.timedelta(seconds=30))
        client.get(HOME)
        assert client.session[LAST_ACTIVITY_KEY] == first
        clock.shift(datetime.timedelta(seconds=40))
        client.get(HOME)
        assert client.session[LAST_ACTIVITY_KEY] == first + 70


def test_a_page_makes_no_extra_query_within_the_minute(client, member, django_assert_num_queries):
    """The session is neither read again nor written: same count as before the idle timeout existed."""
    user = member(Role.COUNSELLOR)
    client.force_login(user)
    client.get(reverse("accounts:profile"))
    # session, user, memberships, and the savepoint pair of the atomic request: no session write.
    with django_assert_num_queries(5):
        client.get(reverse("accounts:profile"))
