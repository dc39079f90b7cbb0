"""What the sign-in security middlewares need, kept where pages read it without a query of their own.

- At sign-in, the session notes the time of the last request (idle timeout).
- When django-axes locks an account out everywhere, its owner gets a notice (lockout.notify_account_locked).
- Whenever a second-factor device is saved or deleted, the account's `has_second_factor` follows: the user
  row is read on every request, so all the user's sessions, including those opened before, see the change.
"""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .lockout import notify_account_locked
from .middleware import LAST_ACTIVITY_KEY
from .models import User

# The device kinds a user can sign in with (settings.INSTALLED_APPS' django-otp plugins).
SECOND_FACTOR_DEVICES = (TOTPDevice, StaticDevice)


@receiver(user_logged_in)
def remember_sign_in(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    session[LAST_ACTIVITY_KEY] = int(time.time())


@receiver(user_locked_out)
def notice_of_lockout(sender, request=None, username=None, **kwargs) -> None:
    if request is not None:
        notify_account_locked(request, username or "")


def has_confirmed_device(user_id: int) -> bool:
    """django_otp.user_has_device, from the user's id (the device signals do not load the user)."""
    return any(model.objects.filter(user_id=user_id, confirmed=True).exists() for model in SECOND_FACTOR_DEVICES)


@receiver(post_save, sender=TOTPDevice)
@receiver(post_save, sender=StaticDevice)
@receiver(post_delete, sender=TOTPDevice)
@receiver(post_delete, sender=StaticDevice)
def sync_second_factor(sender, instance, **kwargs) -> None:
    """Re-reads the account's devices rather than trusting the event: a deleted device may not have been the last."""
    sync_second_factor_of(instance.user_id)


def sync_second_factor_of(user: User | int) -> None:
    user_id = user if isinstance(user, int) else user.pk
    User.objects.filter(pk=user_id).update(has_second_factor=has_confirmed_device(user_id))
