from django.core.management.base import BaseCommand, CommandError

from tremplin.audit.services import verify_chain


class Command(BaseCommand):
    help = "Checks the access log's hash chain. Exit status 0 if intact, 1 with the first broken entry otherwise."

    def handle(self, *args, **options) -> None:
        report = verify_chain()
        if report.ok:
            self.stdout.write(f"Access log intact: {report.checked} entries checked.")
            return
        raise CommandError(
            f"Access log broken at entry id={report.broken_id} ({report.reason}); {report.checked} entries before it are intact.",
            returncode=1,
        )
