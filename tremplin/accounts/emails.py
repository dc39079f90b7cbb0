"""Emails sent by the accounts app."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import User


def password_set_url(request: HttpRequest, user: User) -> str:
    """Absolute link to choose a password, the same link as a password reset (valid PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def send_invitation(request: HttpRequest, user: User, structure, invited_by: User) -> None:
    """Invites a new team member to choose a password and sign in."""
    context = {
        "user": user,
        "structure": structure,
        "invited_by": invited_by,
        "link": password_set_url(request, user),
        "login_url": request.build_absolute_uri(reverse("accounts:login")),
    }
    subject = render_to_string("accounts/emails/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/emails/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
