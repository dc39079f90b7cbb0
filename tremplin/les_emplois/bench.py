"""`make bench`: pulling 2,000 hires from a fake of les emplois de l'inclusion on loopback (time and peak
memory, tracemalloc), into a structure of its own. The platform's throttle (12 calls a minute) is counted,
not waited: the limiter runs on a virtual clock and the report gives the wait a real pull would add.
"""

import time
import tracemalloc

from tremplin.programmes.models import Programme
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.models import Structure, StructureKind
from tremplin.structures.siret import luhn_ok

from .client import Client, RateLimiter
from .fake_platform import FakePlatform, sample_record
from .services import pull

PAGE_SIZE = 100
MAX_SECONDS_PER_1000 = 60.0


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
    for key in range(10):
        candidate = f"9990000000001{key}"
        if luhn_ok(candidate) and not Structure.objects.filter(siret=candidate).exists():
            return candidate
    raise RuntimeError("no free benchmark SIRET")


def measure(context: dict) -> dict:
    count = context.get("les_emplois_records") or (2000 if context.get("runs", 0) >= 10 else 30)
    structure = Structure.objects.create(
        name=f"{context.get('prefix', '')}les-emplois", kind=StructureKind.ACI, siret=_bench_siret()
    )
    Programme.objects.create(structure=structure, kind=ProgrammeKind.FR_ACI, name="ACI (mesure)")
    records = [sample_record(n, siret=structure.siret) for n in range(1, count + 1)]
    clock = _VirtualClock()
    with FakePlatform(records=records, page_size=PAGE_SIZE) as platform:
        client = Client(platform.url, limiter=RateLimiter(clock=clock, sleep=clock.sleep))
        client.obtain_token(platform.username, platform.password)
        tracemalloc.start()
        started = time.perf_counter()
        run = pull(structure, client)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    result = {
        "records": count,
        "seconds": round(seconds, 2),
        "records_per_second": round(count / seconds, 1) if seconds else None,
        "peak_mib": round(peak / 2**20, 1),
        "calls": client.calls,
        "throttle_wait_s": round(clock.waited, 1),
        "created": run.created,
        "pass": run.created == count and seconds <= MAX_SECONDS_PER_1000 * max(count, 1000) / 1000,
    }
    if "write" in context:
        context["write"](
            f"les emplois: {count} hires pulled in {seconds:.1f} s ({result['records_per_second']}/s), "
            f"peak {result['peak_mib']} MiB, {client.calls} calls (+{clock.waited:.0f} s of throttling at 12/min)"
        )
    return result
