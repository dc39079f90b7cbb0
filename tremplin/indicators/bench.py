"""`make bench`: the indicators page of the year and its yearly report (the report page, the XLSX; the PDF
timed once, WeasyPrint being the slow part), over the benchmark's measured structure and over one large
structure of its own (20,000 pathways by default, each with a contract, half of them with an exit and its
three follow-ups, written with bulk_create): time and queries against the baseline page. "pass" means the
page's query count is the one the tests pin (21) on both structures, whatever the data size."""

import datetime
import random
import time
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract
from tremplin.exits.models import FOLLOW_UP_MONTHS, Exit, ExitReason, FollowUp
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import Person
from tremplin.programmes.models import Programme
from tremplin.structures.models import Structure, StructureKind

from .services import create_report, default_period

PAGE_QUERIES = 21
BATCH = 2000
GROUPS = (("cdi", "lasting"), ("cdd_short", "transition"), ("qualifying_training", "positive"), ("job_seeker", "other"))


def _large_structure(prefix: str, size: int, seed: int) -> Structure:
    """One ACI with `size` pathways over the last two years; half have left, with their follow-ups."""
    rng = random.Random(f"{seed}-{prefix}-indicators")
    today = timezone.localdate()
    structure = Structure.objects.create(name=f"{prefix}indicators", kind=StructureKind.ACI)
    programme = Programme.objects.create(structure=structure, kind="fr_aci", name="ACI")
    people = Person.objects.bulk_create(
        [
            Person(structure=structure, first_name="P", last_name=str(i), birth_date=datetime.date(1970 + i % 35, 1, 1))
            for i in range(size)
        ],
        batch_size=BATCH,
    )
    starts = [today - datetime.timedelta(days=rng.randrange(730)) for _ in range(size)]
    left = [rng.random() < 0.5 and start < today - datetime.timedelta(days=30) for start in starts]
    pathways = Pathway.objects.bulk_create(
        [
            Pathway(
                person=person,
                structure=structure,
                programme=programme,
                status=Status.FOLLOW_UP if gone else Status.IN_CONTRACT,
            )
            for person, gone in zip(people, left, strict=True)
        ],
        batch_size=BATCH,
    )
    exit_days = {}
    contracts = []
    for pathway, start, gone in zip(pathways, starts, left, strict=True):
        end = start + datetime.timedelta(days=365)
        ended = None
        if gone:
            ended = start + datetime.timedelta(days=rng.randrange(1, min(365, (today - start).days)))
            exit_days[pathway.pk] = (start, ended)
        contracts.append(
            Contract(
                pathway=pathway,
                start_date=start,
                planned_end_date=end,
                ended_on=ended,
                status="ended_early" if ended else "active",
                weekly_hours=Decimal(rng.choice(("20.00", "26.00", "35.00"))),
                position="Agent·e polyvalent·e",
            )
        )
    Contract.objects.bulk_create(contracts, batch_size=BATCH)
    exits = []
    for pathway_id, (start, day) in exit_days.items():
        category, group = rng.choice(GROUPS)
        exits.append(
            Exit(
                pathway_id=pathway_id,
                exit_on=day,
                reason=ExitReason.OTHER,
                category=category,
                group=group,
                is_counted=True,
                entry_on=start,
                visibility="whole_team",
            )
        )
    Exit.objects.bulk_create(exits, batch_size=BATCH)
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                exit=e,
                months=m,
                due_on=e.exit_on + datetime.timedelta(days=30 * m),
                outcome=rng.choice(("", "new_job", "no_answer")),
            )
            for e in exits
            for m in FOLLOW_UP_MONTHS
        ],
        batch_size=BATCH,
    )
    return structure


def _measure_structure(context: dict, structure, label: str, director) -> dict:
    write = context.get("write", lambda line: None)
    result: dict = {"pathways": structure.pathways.count()}

    page = context["time_page"](reverse("indicators:page"), director)
    result["page"] = page
    write(
        f"indicators ({label}, {result['pathways']} pathways): page of the year: {page['median_ms']:.1f} ms, {page['queries']} queries, x{page['ratio']}"
    )

    started = time.perf_counter()
    report = create_report(structure, default_period(), by=director)
    result["report_create_ms"] = round((time.perf_counter() - started) * 1000, 1)
    for name in ("report", "report_xlsx"):
        timing = context["time_page"](reverse(f"indicators:{name}", args=[report.public_id]), director)
        result[name] = timing
        write(
            f"indicators ({label}): {name}: {timing['median_ms']:.1f} ms, {timing['queries']} queries, x{timing['ratio']}"
        )
    client = Client()
    client.force_login(director)
    started = time.perf_counter()
    client.get(reverse("indicators:report_pdf", args=[report.public_id]))
    result["report_pdf_ms"] = round((time.perf_counter() - started) * 1000, 1)
    write(f"indicators ({label}): report PDF (once): {result['report_pdf_ms']:.1f} ms")
    return result


def measure(context: dict) -> dict:
    prefix, domain = context.get("prefix", ""), context.get("email_domain", "example.org")
    size = context.get("indicators_pathways") or (20_000 if context.get("runs", 0) >= 10 else 200)
    started = time.perf_counter()
    large = _large_structure(prefix, size, context.get("seed", 0))
    built_s = round(time.perf_counter() - started, 1)
    result: dict = {"large_structure_built_s": built_s}
    for label, structure in (("measured", context["subject"]["pathway"].structure), ("large", large)):
        director = User.objects.create(email=f"{prefix}indicators-{label}@{domain}", password="!", first_name="Inès")
        Membership.objects.create(user=director, structure=structure, role=Role.DIRECTOR)
        result[label] = _measure_structure(context, structure, label, director)
    result["pass"] = all(result[label]["page"]["queries"] == PAGE_QUERIES for label in ("measured", "large"))
    return result
