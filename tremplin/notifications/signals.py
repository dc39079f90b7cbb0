"""The events of other apps that notify, read from their saves: those apps call nothing and know nothing of
notifications. Apps whose events have no record to watch call `services.notify` themselves."""

from django.db.models.signals import post_save


def _observation_saved(sender, instance, created, **kwargs) -> None:
    from . import services

    if kwargs.get("raw"):
        return
    if instance.acknowledged_at is not None:
        services.mark_read_about(f"observation:{instance.public_id}")
    elif instance.needs_social_follow_up:
        services.observation_flagged(instance)


def _orientation_step_saved(sender, instance, created, **kwargs) -> None:
    from . import services

    if created and not kwargs.get("raw") and instance.by_partner:
        services.orientation_answered(instance)


def _meeting_declined(sender, message, meeting, person, staff_user, **kwargs) -> None:
    from . import services

    services.meeting_declined(message, meeting, person, staff_user)


def _message_failed(sender, message, staff_user, **kwargs) -> None:
    from . import services

    services.message_failed(message, staff_user)


def connect() -> None:
    from tremplin.messaging import signals as messaging_signals
    from tremplin.observations.models import Observation
    from tremplin.orientations.models import OrientationStep

    post_save.connect(_observation_saved, sender=Observation, dispatch_uid="notifications.observation")
    post_save.connect(_orientation_step_saved, sender=OrientationStep, dispatch_uid="notifications.orientation_step")
    # The messages' own signals (tremplin/messaging/signals.py): a person's "I can't come", a message not delivered.
    messaging_signals.meeting_declined.connect(_meeting_declined, dispatch_uid="notifications.meeting_declined")
    messaging_signals.message_failed.connect(_message_failed, dispatch_uid="notifications.message_failed")
