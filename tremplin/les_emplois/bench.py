"""`make bench`: pulling 2,000 hires from a fake of les emplois de l'inclusion on loopback, 20 a page as the
platform serves them, into a structure of its own: time and the process's peak resident memory for the whole
pull, and the Python allocations' peak (tracemalloc, which slows Python threefold) over a first 300-record
pull into another structure (memory is held page by page, so it does not grow with the count). The platform's
throttle (12 calls a minute) is counted, not waited: the limiter runs on a virtual clock and the report gives
the wait a real pull would add.
"""

import resource
import time
import tracemalloc

from tremplin.programmes.models import Programme
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.models import Structure, StructureKind
from tremplin.structures.siret import luhn_ok

from .client import Client, RateLimiter
from .fake_platform import FakePlatform, sample_record
from .services import pull

PAGE_SIZE = 20  # the platform's page size
TRACED_RECORDS = 300
MAX_SECONDS_PER_1000 = 150.0


class _VirtualClock:
    def __init__(self):
        self.now = 0.0
        self.waited = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        self.waited += max(seconds, 0.0)


def _bench_siret() -> str:
    for stem in range(1000):
        base = f"999{stem:010d}"
        for key in range(10):
            candidate = f"{base}{key}"
            if luhn_ok(candidate) and not Structure.objects.filter(siret=candidate).exists():
                return candidate
    raise RuntimeError("no free benchmark SIRET")


def _structure(context: dict, name: str) -> Structure:
    structure = Structure.objects.create(
        name=f"{context.get('prefix', '')}{name}", kind=StructureKind.ACI, siret=_bench_siret()
    )
    Programme.objects.create(structure=structure, kind=ProgrammeKind.FR_ACI, name="ACI (mesure)")
    return structure


def _pull(structure: Structure, count: int, clock: _VirtualClock):
    records = [sample_record(n, siret=structure.siret) for n in range(1, count + 1)]
    with FakePlatform(records=records, page_size=PAGE_SIZE) as platform:
        client = Client(platform.url, limiter=RateLimiter(clock=clock, sleep=clock.sleep))
        client.obtain_token(platform.username, platform.password)
        started = time.perf_counter()
        run = pull(structure, client)
        return run, time.perf_counter() - started, client.calls


def measure(context: dict) -> dict:
    count = context.get("les_emplois_records") or (2000 if context.get("runs", 0) >= 10 else 30)
    traced = min(count, TRACED_RECORDS)
    tracemalloc.start()
    _pull(_structure(context, "les-emplois-traced"), traced, _VirtualClock())
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    clock = _VirtualClock()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    run, seconds, calls = _pull(_structure(context, "les-emplois"), count, clock)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "records": count,
        "seconds": round(seconds, 2),
        "records_per_second": round(count / seconds, 1) if seconds else None,
        "peak_rss_mib": round(rss_after / 1024, 1),
        "peak_rss_growth_mib": round((rss_after - rss_before) / 1024, 1),
        "traced_records": traced,
        "tracemalloc_peak_mib": round(traced_peak / 2**20, 1),
        "calls": calls,
        "throttle_wait_s": round(clock.waited, 1),
        "created": run.created,
        "pass": run.created == count and seconds <= MAX_SECONDS_PER_1000 * max(count, 1000) / 1000,
    }
    if "write" in context:
        context["write"](
            f"les emplois: {count} hires pulled in {seconds:.1f} s ({result['records_per_second']}/s), "
            f"peak RSS {result['peak_rss_mib']} MiB (+{result['peak_rss_growth_mib']}), tracemalloc peak "
            f"{result['tracemalloc_peak_mib']} MiB over {traced}, {calls} calls (+{clock.waited:.0f} s of throttling at 12/min)"
        )
    return result
