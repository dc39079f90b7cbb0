from celery import shared_task


@shared_task(name="tremplin.audit.checkpoint")
def checkpoint_task() -> int:
    """The hourly signed checkpoint of every chain of the access log; returns how many chains it covered."""
    from .checkpoints import write_checkpoints

    return len(write_checkpoints())
