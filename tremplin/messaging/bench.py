"""`make bench`: selecting the reminders due now over one meeting planned per pathway of the data set (20,000 by
default), spread over the next three days, half of the people having agreed to be contacted by SMS. The selection's
time and queries (which must not depend on the number of meetings), against the baseline page. Everything it
writes is rolled back."""

import datetime
import statistics
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.consent.models import Consent, ConsentKind
from tremplin.interviews.models import Interview
from tremplin.pathways.models import Pathway

from . import reminders
from .models import ContactPreference

QUERY_LIMIT = 7  # one per kind of meeting wired (interviews, workshops, immersions, calls after an exit, reviews),
# settings and the keys sent


def measure(context: dict) -> dict:
    subject = context["subject"]
    counsellor = subject["counsellor"]
    prefix = context.get("prefix", "bench-")
    now = timezone.now()
    result: dict = {}
    with transaction.atomic():
        pathways = list(
            Pathway.objects.filter(structure__name__startswith=prefix).values_list("pk", "person_id").order_by("pk")
        )
        span = 72 * 60  # minutes over the next three days
        Interview.objects.bulk_create(
            (
                Interview(
                    pathway_id=pathway_id,
                    planned_at=now + datetime.timedelta(minutes=30 + (index * 7919) % span),
                    led_by=counsellor,
                    visibility="whole_team",
                    kind="individual",
                )
                for index, (pathway_id, _person) in enumerate(pathways)
            ),
            batch_size=5000,
        )
        Consent.objects.bulk_create(
            (
                Consent(person_id=person_id, kind=ConsentKind.CONTACT, given_on=now.date(), recorded_by=counsellor)
                for index, (_pathway, person_id) in enumerate(pathways)
                if index % 2 == 0
            ),
            batch_size=5000,
        )
        ContactPreference.objects.bulk_create(
            (
                ContactPreference(person_id=person_id, mobile=f"+3361{index:07d}", by_email=False)
                for index, (_pathway, person_id) in enumerate(pathways)
                if index % 2 == 0
            ),
            batch_size=5000,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE interviews_interview; ANALYZE consent_consent; ANALYZE messaging_contactpreference"
                )
        for _ in range(max(context.get("warmups", 1), 1)):
            reminders.due(now)
        with CaptureQueriesContext(connection) as queries:
            due = reminders.due(now)
        times = []
        for _ in range(context.get("runs", 10)):
            started = time.perf_counter()
            reminders.due(now)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        baseline = context.get("baseline_ms") or 1e-9
        result = {
            "meetings": len(pathways),
            "due": sum(len(item.channels) for item in due),
            "queries": len(queries),
            "median_ms": round(median, 2),
            "ratio": round(median / baseline, 2),
            "pass": len(queries) <= QUERY_LIMIT,
        }
        transaction.set_rollback(True)
    if "write" in context:
        context["write"](
            f"messaging: reminders due now over {result['meetings']} meetings: {result['due']} messages, "
            f"{result['median_ms']:.1f} ms, {result['queries']} queries (x{result['ratio']} the baseline)"
        )
    return result
