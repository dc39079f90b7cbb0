"""`make bench`: a large, repeatable data set and the server time of the pages that matter.

Run it against a DEDICATED database (figures count on PostgreSQL: set DATABASE_URL). It measures
in-process with Django's test client, so the figures are server time (views, templates, SQL), not
network. It is a measurement: it prints PASS/FAIL per target but always exits 0.
"""

import datetime
import json
import random
import resource
import statistics
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.action_plan.models import Action, ActionPlan, ActionStatus, Objective, Section
from tremplin.barriers.models import Barrier, BarrierDomain, BarrierStatus
from tremplin.contracts.models import Contract
from tremplin.core.visibility import Visibility
from tremplin.interviews.models import Attendance, Interview
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import Person
from tremplin.programmes.models import Programme
from tremplin.programmes.rules.base import ProgrammeKind
from tremplin.structures.models import Structure, StructureKind, Worksite
from tremplin.timeline.models import EventKind, TimelineEvent

PREFIX = "bench-"
EMAIL_DOMAIN = "bench.invalid"
BATCH = 5_000
HISTORY_DAYS = 730
CASELOAD = 40
PAGE_QUERY_LIMIT = 15
RATIO_LIMIT = 4.0
STATUSES = [Status.CANDIDATE, Status.ELIGIBLE, Status.IN_CONTRACT, Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP]
FIRST_NAMES = ["Amina", "Bruno", "Chloé", "Driss", "Elena", "Fatou", "Giulia", "Hugo", "Inès", "Jonas", "Karim", "Lina"]
LAST_NAMES = ["Martin", "Diallo", "Rossi", "Peeters", "Bernard", "Nguyen", "Moreau", "Janssens", "Bianchi", "Haddad"]


def _batches(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bulk(model, objects, size: int = BATCH, keep: bool = True) -> list:
    """bulk_create in batches: no save(), so no signals, no history rows, no timeline hooks.

    keep=False drops each batch once inserted (the million events must not stay in memory).
    """
    created = []
    for batch in _batches(iter(objects), size):
        model.objects.bulk_create(batch, batch_size=size)
        if keep:
            created.extend(batch)
    return created


class Command(BaseCommand):
    help = (
        "Build a large repeatable data set (fixed seed, bulk inserts) and measure the server time and SQL "
        "query count of the counsellor's home, a two-year timeline, the action plan page and a trivial "
        "signed-in page (baseline). Prints a table, then one JSON line with every figure. "
        "USE A DEDICATED DATABASE (e.g. DATABASE_URL=postgres://…/bench): the command refuses to run on a "
        "database holding structures not named 'bench-…', and refuses to add to a previous benchmark data "
        "set unless --reset is given (which deletes every 'bench-…' structure and bench account first)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--structures", type=int, default=200)
        parser.add_argument("--pathways", type=int, default=20_000, help="pathways (one person and contract each)")
        parser.add_argument("--events", type=int, default=1_000_000, help="timeline events over all pathways")
        parser.add_argument("--runs", type=int, default=30, help="measured requests per page (after 3 warm-ups)")
        parser.add_argument("--warmups", type=int, default=3)
        parser.add_argument("--seed", type=int, default=4)
        parser.add_argument("--reset", action="store_true", help="delete a previous benchmark data set first")

    def handle(self, *args, **options) -> None:
        if options["structures"] < 1 or options["pathways"] < 0 or options["events"] < 0 or options["runs"] < 1:
            raise CommandError("--structures and --runs must be at least 1; sizes cannot be negative.")
        # DEBUG would keep every SQL statement in memory (the bulk inserts are huge) and slow every page.
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            self._run(options)

    def _run(self, options) -> None:
        self._guard(options["reset"])
        started = time.perf_counter()
        with transaction.atomic():
            subject = self._build(options)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would have them on a live database: without them the planner
            # reads the bulk-inserted tables as nearly empty and picks sequential scans.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        generation = time.perf_counter() - started
        self.stdout.write(f"Data set generated in {generation:.1f} s ({connection.vendor}).")
        pages = self._measure(subject, runs=options["runs"], warmups=options["warmups"])
        extras = self._extras(subject, options, pages["baseline"]["median_ms"])
        self._report(options, generation, pages, extras)

    def _extras(self, subject: dict, options: dict, baseline_ms: float) -> dict:
        """Other apps' measures: a module `tremplin/<app>/bench.py` with `measure(context) -> dict`.

        The context gives the data set (`subject`: structure, counsellor, pathway), `runs`, `warmups`,
        `seed`, `baseline_ms` (the baseline page's median of this run), `time_page(url, user)` which
        returns {median_ms, p95_ms, queries, ratio} for a page, `prefix` and `email_domain` for the
        records it creates (so that --reset removes them), and `write` for its table lines. What it
        returns goes into the JSON line under "extras" and, with a boolean "pass", into all_pass.
        """
        context = {
            "subject": subject,
            "runs": options["runs"],
            "warmups": options["warmups"],
            "seed": options["seed"],
            "baseline_ms": baseline_ms,
            "time_page": lambda url, user: self._time_page(url, user, options, baseline_ms),
            "prefix": PREFIX,
            "email_domain": EMAIL_DOMAIN,
            "write": self.stdout.write,
        }
        extras = {}
        for config in apps.get_app_configs():
            if not config.name.startswith("tremplin.") or config.label == "benchmark":
                continue
            try:
                module = import_module(f"{config.name}.bench")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.bench":
                    raise
                continue
            extras[config.label] = module.measure(context)
        return extras

    def _time_page(self, url: str, user, options: dict, baseline_ms: float) -> dict:
        client = Client()
        client.force_login(user)
        for _ in range(max(options["warmups"], 1)):
            self._get(client, url)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            self._get(client, url)
        count = len(queries)
        times = []
        for _ in range(options["runs"]):
            start = time.perf_counter()
            self._get(client, url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median = statistics.median(times)
        return {
            "median_ms": round(median, 2),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
            "queries": count,
            "ratio": round(median / (baseline_ms or 1e-9), 2),
        }

    # --- safety ---------------------------------------------------------------------------------

    def _guard(self, reset: bool) -> None:
        if (
            Structure.objects.exclude(name__startswith=PREFIX).exists()
            or User.objects.exclude(email__endswith="@" + EMAIL_DOMAIN).exists()
        ):
            raise CommandError(
                "This database holds data that is not the benchmark's. Run the benchmark on a dedicated, "
                "empty database: createdb bench, then DATABASE_URL=postgres://…/bench manage.py migrate and bench."
            )
        if Structure.objects.exists() or User.objects.exists():
            if not reset:
                raise CommandError("A previous benchmark data set is present: run again with --reset.")
            with transaction.atomic():
                bench = Structure.objects.filter(name__startswith=PREFIX)
                # Events first, in one statement: the ORM would otherwise collect a million rows.
                TimelineEvent.objects.filter(structure__in=bench)._raw_delete(connection.alias)
                Pathway.objects.filter(structure__in=bench).delete()  # programmes are protected by pathways
                bench.delete()
                User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).delete()

    # --- data -----------------------------------------------------------------------------------

    def _build(self, options) -> dict:
        rng = random.Random(options["seed"])
        now = timezone.now()
        today = timezone.localdate()
        n_structures = options["structures"]

        structures = _bulk(
            Structure,
            (
                Structure(
                    name=f"{PREFIX}{i:04d}", kind=StructureKind.ACI, public_id=uuid.UUID(int=rng.getrandbits(128))
                )
                for i in range(n_structures)
            ),
        )
        programmes = _bulk(
            Programme, (Programme(structure=s, kind=ProgrammeKind.FR_ACI, name="ACI") for s in structures)
        )
        worksites = _bulk(
            Worksite,
            (Worksite(structure=s, name=f"Chantier {k}", activity="maraîchage") for s in structures for k in (1, 2)),
        )
        roles = [Role.DIRECTOR, Role.COUNSELLOR, Role.COUNSELLOR, Role.SUPERVISOR]
        users = _bulk(
            User,
            (
                User(email=f"{PREFIX}{i:04d}-{k}@{EMAIL_DOMAIN}", password="!", first_name=rng.choice(FIRST_NAMES))
                for i in range(n_structures)
                for k in range(len(roles))
            ),
        )
        _bulk(
            Membership,
            (
                Membership(user=users[i * len(roles) + k], structure=s, role=role)
                for i, s in enumerate(structures)
                for k, role in enumerate(roles)
            ),
        )
        counsellor = User.objects.create(email=f"{PREFIX}measured@{EMAIL_DOMAIN}", password="!", first_name="Camille")
        Membership.objects.create(user=counsellor, structure=structures[0], role=Role.COUNSELLOR)

        # Every pathway: one person, one contract. The measured counsellor's 40 come on top.
        n_pathways = options["pathways"]
        slots = [(i % n_structures, False) for i in range(n_pathways)] + [(0, True)] * CASELOAD
        people = _bulk(
            Person,
            (
                Person(
                    structure=structures[s],
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    birth_date=datetime.date(1960 + rng.randrange(45), 1 + rng.randrange(12), 1 + rng.randrange(28)),
                )
                for s, _mine in slots
            ),
        )
        pathways = _bulk(
            Pathway,
            (
                Pathway(
                    person=person,
                    structure_id=person.structure_id,
                    programme=programmes[s],
                    status=Status.IN_CONTRACT if mine else rng.choice(STATUSES),
                    referent=counsellor if mine else users[s * len(roles) + rng.choice((1, 2))],
                    supervisor=users[s * len(roles) + 3],
                    worksite=worksites[2 * s + rng.randrange(2)],
                )
                for person, (s, mine) in zip(people, slots, strict=True)
            ),
        )
        _bulk(Contract, (self._contract(p, today, rng) for p in pathways))
        mine = pathways[n_pathways:]
        self._caseload(mine, counsellor, today, rng)

        # Timeline: the measured person gets two years of events, the rest is spread at random.
        subject = mine[0]
        seq = iter(range(10**12))

        def event(pathway) -> TimelineEvent:
            kind = rng.choice(EventKind.values)
            return TimelineEvent(
                pathway_id=pathway.pk,
                person_id=pathway.person_id,
                structure_id=pathway.structure_id,
                occurred_at=now - datetime.timedelta(minutes=rng.randrange(HISTORY_DAYS * 24 * 60)),
                kind=kind,
                data=self._event_data(kind, rng),
                visibility=Visibility.WHOLE_TEAM if rng.random() < 0.8 else Visibility.SOCIAL_STAFF_ONLY,
                source_type="bench.event",
                source_id=str(next(seq)),
            )

        n_subject = min(options["events"], 2 * 52 * 3)  # three things a week for two years
        rest = options["events"] - n_subject
        events = (event(subject) for _ in range(n_subject))
        _bulk(TimelineEvent, events, keep=False)
        if pathways:
            _bulk(TimelineEvent, (event(pathways[rng.randrange(len(pathways))]) for _ in range(rest)), keep=False)
        return {"counsellor": counsellor, "pathway": subject}

    @staticmethod
    def _contract(pathway, today, rng) -> Contract:
        start = today - datetime.timedelta(days=rng.randrange(HISTORY_DAYS))
        return Contract(
            pathway=pathway,
            start_date=start,
            planned_end_date=start + datetime.timedelta(days=365),
            weekly_hours=Decimal("26.00"),
            worksite_id=pathway.worksite_id,
            position="Agent·e polyvalent·e",
        )

    @staticmethod
    def _event_data(kind: str, rng) -> dict:
        if kind == EventKind.STATUS_CHANGE:
            return {"from": Status.ELIGIBLE, "to": Status.IN_CONTRACT}
        if kind == EventKind.BARRIER_CHANGE:
            return {"domain": rng.choice(BarrierDomain.values), "to": BarrierStatus.BEING_WORKED_ON}
        if kind == EventKind.ACTION_DONE:
            return {"section": rng.choice(Section.values)}
        if kind == EventKind.INTERVIEW:
            return {"kind": "individual", "attendance": Attendance.PRESENT}
        return {}

    @staticmethod
    def _caseload(pathways, counsellor, today, rng) -> None:
        """The measured counsellor's people: a plan, barriers, objectives, actions and interviews each."""
        plans = _bulk(ActionPlan, (ActionPlan(pathway=p, agreed_on=today) for p in pathways))
        barriers = _bulk(
            Barrier,
            (
                Barrier(
                    pathway=p,
                    domain=domain,
                    severity=rng.randrange(4),
                    status=BarrierStatus.BEING_WORKED_ON,
                    visibility=Visibility.WHOLE_TEAM,
                    created_by=counsellor,
                )
                for p in pathways
                for domain in (BarrierDomain.MOBILITY, BarrierDomain.HOUSING, BarrierDomain.DIGITAL)
            ),
        )
        objectives = _bulk(
            Objective,
            (
                # Bulk inserts skip save(): the level its whole-team barrier gives it (decision 0008).
                Objective(
                    plan=plan,
                    text=f"Objectif {k}",
                    visibility=Visibility.WHOLE_TEAM,
                    created_by=counsellor,
                )
                for i, plan in enumerate(plans)
                for k in range(2)
            ),
        )
        # Each objective answers its own barrier; the second also the pathway's third (decision 0013).
        _bulk(
            Objective.barriers.through,
            (
                Objective.barriers.through(objective_id=objectives[2 * i + k].pk, barrier_id=barriers[3 * i + b].pk)
                for i in range(len(plans))
                for k in range(2)
                for b in ({k} | ({2} if k else set()))
            ),
            keep=False,
        )
        _bulk(
            Action,
            (
                Action(
                    plan=plan,
                    objective=objectives[2 * i + k % 2],
                    section=Section.values[k % len(Section.values)],
                    title=f"Action {k}",
                    owner_user=counsellor,
                    due_date=today + datetime.timedelta(days=rng.randrange(-20, 60)),
                    status=ActionStatus.DONE if k == 0 else ActionStatus.PLANNED,
                    visibility=Visibility.WHOLE_TEAM,
                    created_by=counsellor,
                )
                for i, plan in enumerate(plans)
                for k in range(4)
            ),
        )
        now = timezone.now()
        _bulk(
            Interview,
            (
                Interview(
                    pathway=p,
                    planned_at=now - datetime.timedelta(days=30 * k),
                    held_on=(now - datetime.timedelta(days=30 * k)).date() if k else None,
                    attendance=Attendance.PRESENT if k else "",
                    led_by=counsellor,
                    visibility=Visibility.WHOLE_TEAM,
                )
                for p in pathways
                for k in range(3)
            ),
        )

    # --- measurement ----------------------------------------------------------------------------

    def _measure(self, subject: dict, *, runs: int, warmups: int) -> dict:
        pathway_id = subject["pathway"].public_id
        urls = {
            "baseline": reverse("accounts:profile"),
            "home": reverse("dashboards:home"),
            "timeline": reverse("timeline:pathway", kwargs={"pathway_id": pathway_id}),
            "action_plan": reverse("action_plan:plan", kwargs={"pathway_id": pathway_id}),
        }
        client = Client()
        client.force_login(subject["counsellor"])
        pages = {}
        for name, url in urls.items():
            for _ in range(max(warmups, 1)):
                self._get(client, url)
            # Queries counted on their own request: capturing them slows the timed ones.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                self._get(client, url)
            count = len(queries)  # now: the next request clears the connection's query log
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                self._get(client, url)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            pages[name] = {
                "url": url,
                "median_ms": round(statistics.median(times), 2),
                "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
                "queries": count,
            }
        base = pages["baseline"]["median_ms"] or 1e-9
        for page in pages.values():
            page["ratio"] = round(page["median_ms"] / base, 2)
        return pages

    @staticmethod
    def _get(client: Client, url: str):
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}, expected 200.")
        return response

    def _report(self, options, generation: float, pages: dict, extras: dict) -> None:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        header = f"{'page':<12} {'median ms':>10} {'p95 ms':>9} {'queries':>8} {'× base':>7}  queries≤15  median≤4×"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        targets = {}
        for name, page in pages.items():
            q_ok = page["queries"] <= PAGE_QUERY_LIMIT
            r_ok = page["ratio"] <= RATIO_LIMIT
            targets[name] = {"queries_at_most_15": q_ok, "median_at_most_4x_baseline": r_ok}
            self.stdout.write(
                f"{name:<12} {page['median_ms']:>10.2f} {page['p95_ms']:>9.2f} {page['queries']:>8} "
                f"{page['ratio']:>7.2f}  {'PASS' if q_ok else 'FAIL':<10}  {'PASS' if r_ok else 'FAIL'}"
            )
        self.stdout.write(f"Peak resident memory: {peak_mb:.0f} MB; data set generated in {generation:.1f} s.")
        figures = {
            "database": connection.vendor,
            "sizes": {k: options[k] for k in ("structures", "pathways", "events", "runs")} | {"caseload": CASELOAD},
            "generation_s": round(generation, 2),
            "peak_rss_mb": round(peak_mb, 1),
            "pages": pages,
            "targets": targets,
            "extras": extras,
            "all_pass": all(all(t.values()) for t in targets.values())
            and all(extra.get("pass", True) for extra in extras.values()),
        }
        self.stdout.write(json.dumps(figures, ensure_ascii=False))
