"""Background work: sending one message (retries with exponential backoff on provider errors) and the
reminders' job, every 15 minutes (CELERY_BEAT_SCHEDULE; the command `send_due_reminders` does the same)."""

from celery import shared_task

BACKOFF_SECONDS = 30


@shared_task(bind=True, name="tremplin.messaging.deliver_message", max_retries=4)
def deliver_message(self, pk: int) -> str:
    from . import services

    outcome = services.deliver(pk, final_attempt=self.request.retries >= self.max_retries)
    # Inline (demo, tests: no broker) the attempts follow one another at once; the message's attempt count ends them.
    while outcome.retry and self.request.is_eager:
        outcome = services.deliver(pk)
    if outcome.retry:
        countdown = outcome.retry_after or BACKOFF_SECONDS * 2**self.request.retries
        raise self.retry(countdown=countdown)
    return outcome.status


@shared_task(name="tremplin.messaging.send_due_reminders")
def send_due_reminders_task() -> int:
    from .reminders import send_due_reminders

    return send_due_reminders()
