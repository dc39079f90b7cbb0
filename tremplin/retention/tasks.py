from celery import shared_task


@shared_task(name="tremplin.retention.apply_purge")
def apply_purge_task(today: str | None = None) -> int:
    """The nightly purge; returns how many actions were applied."""
    import datetime

    from . import services

    day = datetime.date.fromisoformat(today) if today else None
    return len(services.apply_purge(day))
