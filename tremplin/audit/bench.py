"""`make bench`: appends to the access log by 4 concurrent writers (own connections), all for one structure
and spread over 4 structures, bare (one append per transaction) and as a request does it in single-database
mode (the append, then 2 ms more work in the same transaction, which holds the chain's lock).

Threads need PostgreSQL and committed transactions: inside a test's transaction, or on SQLite, the same
appends run in one thread. The entries go to chains of random structure ids, so they touch no real chain;
like every access log entry they stay until the purge. "pass" means every chain written is unforked and
verifies (the timing is a figure, not a target).
"""

import threading
import time
import uuid

from django.db import connection, connections, transaction

from .models import AccessLogEntry
from .services import log_event

WRITERS = 4
REQUEST_WORK_S = 0.002


def _run(structures: list[uuid.UUID], appends: int, work_s: float, threaded: bool) -> tuple[float, list]:
    writers = WRITERS if threaded else 1
    barrier = threading.Barrier(writers + 1) if threaded else None
    errors: list = []

    def write(index: int) -> None:
        try:
            structure = structures[index % len(structures)]
            if barrier is not None:
                connection.ensure_connection()
                barrier.wait()
            for _ in range(appends):
                with transaction.atomic():
                    log_event(actor=None, structure=structure, person=None, part="bench", action="read")
                    if work_s:
                        time.sleep(work_s)
        except Exception as error:  # noqa: BLE001 - counted in the result
            errors.append(error)
        finally:
            if barrier is not None:
                connections.close_all()

    if not threaded:
        started = time.perf_counter()
        for index in range(WRITERS):
            write(index)
        return WRITERS * appends / (time.perf_counter() - started), errors
    threads = [threading.Thread(target=write, args=(index,)) for index in range(writers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return writers * appends / (time.perf_counter() - started), errors


def _unforked(chains: list[str]) -> bool:
    for chain in chains:
        sequences = sorted(AccessLogEntry.objects.filter(chain=chain).values_list("sequence", flat=True))
        if sequences != list(range(1, len(sequences) + 1)):
            return False
    return True


def measure(context: dict) -> dict:
    from .services import verify_chain

    appends = context.get("audit_appends") or (250 if context.get("runs", 0) >= 10 else 3)
    threaded = connection.vendor == "postgresql" and not connection.in_atomic_block
    result: dict = {"writers": WRITERS if threaded else 1, "appends_per_writer": appends}
    chains: list[str] = []
    errors: list = []
    for mode, work_s in (("bare", 0.0), ("request", REQUEST_WORK_S)):
        for name, count in (("one_structure", 1), ("four_structures", WRITERS)):
            structures = [uuid.uuid4() for _ in range(count)]
            chains += [str(structure) for structure in structures]
            rate, failed = _run(structures, appends, work_s, threaded)
            errors += failed
            result[f"{mode}_{name}_appends_per_s"] = round(rate)
            if "write" in context:
                context["write"](f"audit: {mode}, {name.replace('_', ' ')}: {rate:.0f} appends/s")
    report = verify_chain()
    intact = not any(problem.chain in chains for problem in report.problems)
    result["errors"] = len(errors)
    result["pass"] = not errors and intact and _unforked(chains)
    return result
