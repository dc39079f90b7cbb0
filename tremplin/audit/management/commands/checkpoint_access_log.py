from django.core.management.base import BaseCommand

from tremplin.audit.checkpoints import store, write_checkpoints


class Command(BaseCommand):
    help = (
        "Signs (HMAC under AUDIT_LOG_KEY) the last sequence and hash of every chain of the access log and "
        "appends them to the checkpoint store outside the database, so that a removed tail is detected."
    )

    def handle(self, *args, **options) -> None:
        target = store()
        checkpoints = write_checkpoints(target)
        where = getattr(target, "path", type(target).__name__)
        self.stdout.write(f"{len(checkpoints)} chains checkpointed in {where}.")
