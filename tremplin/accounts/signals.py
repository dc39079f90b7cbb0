"""At sign-in, note in the session what the sign-in security middlewares need, so pages make no query for it."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import user_has_device

from .middleware import HAS_SECOND_FACTOR_KEY, LAST_ACTIVITY_KEY


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    session[LAST_ACTIVITY_KEY] = int(time.time())
    session[HAS_SECOND_FACTOR_KEY] = user_has_device(user)
