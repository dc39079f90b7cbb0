"""The optional daily e-mail digest: a member's unread notifications, once a day at most.

The day is claimed on the subscription row before sending (a conditional UPDATE), in the same transaction as
the sending: two workers or a job run twice send it once; a failed sending leaves the day unclaimed for a retry.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from tremplin.accounts.models import Membership

from .models import DigestSubscription, Notification

logger = logging.getLogger(__name__)

# At most this many lines per structure: the digest says there are more and links to the centre.
LINES_PER_STRUCTURE = 20


def subscribe(user, *, daily: bool) -> DigestSubscription:
    subscription, _ = DigestSubscription.objects.update_or_create(user=user, defaults={"daily": daily})
    return subscription


def is_subscribed(user) -> bool:
    return DigestSubscription.objects.filter(user=user, daily=True).exists()


def _site_url(path: str) -> str:
    return f"{settings.TREMPLIN_SITE_URL.rstrip('/')}{path}"


def digest_of(user) -> list[dict]:
    """Per structure where the user is an active member: their unread notifications, newest first."""
    memberships = Membership.objects.active().filter(user=user).select_related("structure").order_by("structure__name")
    sections = []
    for membership in memberships:
        unread = Notification.objects.of(membership).unread().order_by("-created_at", "-id")
        rows = list(unread[: LINES_PER_STRUCTURE + 1])
        if rows:
            sections.append(
                {
                    "structure": membership.structure,
                    "notifications": rows[:LINES_PER_STRUCTURE],
                    "more": len(rows) > LINES_PER_STRUCTURE,
                }
            )
    return sections


def _claim(subscription: DigestSubscription, today: datetime.date) -> bool:
    return bool(
        DigestSubscription.objects.filter(pk=subscription.pk, daily=True)
        .filter(Q(last_sent_on__isnull=True) | Q(last_sent_on__lt=today))
        .update(last_sent_on=today)
    )


def send_digest(subscription: DigestSubscription, today: datetime.date) -> bool:
    """Sends this member's digest of `today` unless already sent or empty; True when an e-mail went out."""
    user = subscription.user
    if not user.is_active or not user.email:
        return False
    sections = digest_of(user)
    if not sections:
        return False
    with transaction.atomic():
        if not _claim(subscription, today):
            return False
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "sections": sections,
                "today": today,
                "centre_url": _site_url(reverse("notifications:centre")),
                "profile_url": _site_url(reverse("accounts:profile")),
            }
            subject = render_to_string("notifications/emails/digest_subject.txt", context).strip()
            message = EmailMultiAlternatives(
                subject,
                render_to_string("notifications/emails/digest.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
            message.attach_alternative(render_to_string("notifications/emails/digest.html", context), "text/html")
            message.send()  # an error rolls the claim back: the next run sends it
    return True


def send_daily_digest(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    subscriptions = (
        DigestSubscription.objects.filter(daily=True)
        .filter(Q(last_sent_on__isnull=True) | Q(last_sent_on__lt=today))
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    for subscription in subscriptions:
        try:
            sent += send_digest(subscription, today)
        except OSError:
            logger.exception("daily digest to user %s not sent", subscription.user_id)
    return sent
