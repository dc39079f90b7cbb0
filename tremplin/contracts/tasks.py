from celery import shared_task


@shared_task(name="tremplin.contracts.start_due_contracts")
def start_due_contracts_task(today: str | None = None) -> int:
    """The daily start of contracts signed ahead of their first day; returns how many started."""
    import datetime

    from . import services

    day = datetime.date.fromisoformat(today) if today else None
    return len(services.start_due_contracts(day))
