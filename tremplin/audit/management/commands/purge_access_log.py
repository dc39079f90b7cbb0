from django.core.management.base import BaseCommand

from tremplin.audit.context import acting_command
from tremplin.audit.services import RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, purge_old_entries, retention_days


class Command(BaseCommand):
    help = (
        "Deletes access log entries older than AUDIT_LOG_RETENTION_DAYS (kept within 180-365 days) "
        "and records in each chain a purge entry from which the rest of the chain is verified."
    )

    def handle(self, *args, **options) -> None:
        days, clamped = retention_days()
        if clamped:
            self.stderr.write(
                f"AUDIT_LOG_RETENTION_DAYS is outside {RETENTION_MIN_DAYS}-{RETENTION_MAX_DAYS} days "
                f"(CNIL recommendation on logging): {days} days used instead."
            )
        with acting_command("purge_access_log"):
            report = purge_old_entries()
        if report.deleted:
            self.stdout.write(
                f"{report.deleted} entries older than {report.days} days deleted from {len(report.chains)} chains; "
                "each chain records its purge."
            )
        else:
            self.stdout.write(f"Nothing older than {report.days} days.")
