from celery import shared_task


@shared_task(name="tremplin.notifications.notify_due_follow_ups")
def notify_due_follow_ups_task(today: str | None = None) -> int:
    """The daily notification of follow-ups after exit whose day has come; returns how many were created."""
    import datetime

    from . import services

    return services.notify_due_follow_ups(datetime.date.fromisoformat(today) if today else None)


@shared_task(name="tremplin.notifications.send_daily_digest")
def send_daily_digest_task(today: str | None = None) -> int:
    """The daily e-mail digest to the members who asked for it; returns how many e-mails went out."""
    import datetime

    from . import digest

    return digest.send_daily_digest(datetime.date.fromisoformat(today) if today else None)
