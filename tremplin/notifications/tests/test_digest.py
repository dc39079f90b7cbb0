"""The daily digest, sent over real SMTP to a local aiosmtpd server."""

import datetime
import email
from email import policy

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.notifications.digest import send_daily_digest
from tremplin.notifications.factories import DigestSubscriptionFactory, NotificationFactory
from tremplin.notifications.models import DigestSubscription
from tremplin.notifications.tasks import send_daily_digest_task


def _parsed(envelope):
    return email.message_from_bytes(envelope.content, policy=policy.default)


def test_the_digest_goes_once_a_day_in_text_and_html(smtp_server, structure, counsellor):
    DigestSubscriptionFactory(user=counsellor)
    NotificationFactory(recipient=counsellor, structure=structure, title="Awa Diallo : une observation signalée.")
    NotificationFactory(recipient=counsellor, structure=structure, title="Déjà lue", read_at=timezone.now())
    today = timezone.localdate()

    call_command("send_daily_digest", today=today.isoformat(), stdout=open("/dev/null", "w"))
    send_daily_digest_task.delay(today.isoformat())  # run twice the same day: nothing more

    assert len(smtp_server) == 1
    envelope = smtp_server[0]
    assert envelope.rcpt_tos == [counsellor.email]
    message = _parsed(envelope)
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Awa Diallo : une observation signalée." in text and "Déjà lue" not in text
    assert "Awa Diallo : une observation signalée." in html
    assert reverse("notifications:centre") in text
    assert structure.name in text

    send_daily_digest(today + datetime.timedelta(days=1))  # the next day: again
    assert len(smtp_server) == 2


def test_nothing_unread_sends_nothing(smtp_server, counsellor):
    DigestSubscriptionFactory(user=counsellor)
    assert send_daily_digest() == 0
    assert smtp_server == []


def test_only_those_who_asked_receive_it(smtp_server, structure, counsellor):
    DigestSubscriptionFactory(user=counsellor, daily=False)
    NotificationFactory(recipient=counsellor, structure=structure)
    assert send_daily_digest() == 0


def test_an_unreachable_server_leaves_the_day_to_a_retry(settings, structure, counsellor):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    subscription = DigestSubscriptionFactory(user=counsellor)
    NotificationFactory(recipient=counsellor, structure=structure)

    assert send_daily_digest() == 0

    subscription.refresh_from_db()
    assert subscription.last_sent_on is None


def test_the_choice_is_loaded_into_the_profile_page(client, counsellor):
    client.force_login(counsellor)
    profile = reverse("accounts:profile")
    html = client.get(profile).content.decode()
    assert f'hx-get="{reverse("notifications:digest")}?next={profile}" hx-trigger="load"' in html
    fragment = client.get(reverse("notifications:digest"), {"next": profile}).content.decode()
    assert f'action="{reverse("notifications:digest")}"' in fragment
    assert f'name="next" value="{profile}"' in fragment and "checked" not in fragment

    response = client.post(reverse("notifications:digest"), {"daily": "on", "next": reverse("accounts:profile")})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert DigestSubscription.objects.get(user=counsellor).daily is True

    assert "checked" in client.get(reverse("notifications:digest")).content.decode()

    response = client.post(reverse("notifications:digest"), {"next": "https://evil.example/"})
    assert response.url == reverse("notifications:centre")
    assert DigestSubscription.objects.get(user=counsellor).daily is False
