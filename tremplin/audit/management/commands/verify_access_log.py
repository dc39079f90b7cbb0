from django.core.management.base import BaseCommand, CommandError

from tremplin.audit.services import verify_chain

REASONS = {
    "hash": "content does not match its keyed hash",
    "start": "first entry neither starts the chain nor follows a recorded purge",
    "gap": "sequence numbers missing before this entry",
    "link": "does not point to the previous entry",
    "checkpoint": "differs from the entry a signed checkpoint recorded",
    "missing": "entries recorded by a signed checkpoint are gone (removed tail)",
    "signature": "a checkpoint's signature is invalid",
}


class Command(BaseCommand):
    help = (
        "Checks every chain of the access log (keyed hashes, links, sequences) against the signed checkpoints. "
        "Exit status 0 if intact, 1 with the problems found otherwise."
    )

    def handle(self, *args, **options) -> None:
        report = verify_chain()
        if report.ok:
            self.stdout.write(
                f"Access log intact: {report.checked} entries in {report.chains} chains checked "
                f"against {report.checkpoints} checkpoints."
            )
            return
        for problem in report.problems:
            self.stderr.write(
                f"chain {problem.chain}: entry id={problem.entry_id} sequence={problem.sequence} "
                f"({problem.reason}: {REASONS.get(problem.reason, '')})"
            )
        first = report.problems[0]
        raise CommandError(
            f"Access log broken at entry id={first.entry_id} ({first.reason}) in chain {first.chain}; "
            f"{len(report.problems)} chain(s) with a problem, {report.checked} entries intact.",
            returncode=1,
        )
