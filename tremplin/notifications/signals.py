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


def connect() -> None:
    from tremplin.observations.models import Observation
    from tremplin.orientations.models import OrientationStep

    post_save.connect(_observation_saved, sender=Observation, dispatch_uid="notifications.observation")
    post_save.connect(_orientation_step_saved, sender=OrientationStep, dispatch_uid="notifications.orientation_step")
