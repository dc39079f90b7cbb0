"""`make bench`: a counsellor's week with 5 and 60 interviews (over as many people as the structure has): its
time and queries, which must not depend on the number of appointments, and the iCal feed's queries."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tremplin.interviews.models import Interview
from tremplin.pathways.models import Pathway

from .services import issue_feed, revoke_feed

SIZES = (5, 60)


def measure(context: dict) -> dict:
    subject = context["subject"]
    counsellor, pathway = subject["counsellor"], subject["pathway"]
    structure = pathway.structure
    pathways = list(Pathway.objects.filter(structure=structure).order_by("pk")[: max(SIZES)])
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(8)))
    result: dict = {}
    queries = []
    for size in SIZES:
        created = Interview.objects.bulk_create(
            Interview(
                pathway=pathways[n % len(pathways)],
                led_by=counsellor,
                planned_at=start + datetime.timedelta(days=n % 5, minutes=10 * (n // 5)),
                visibility="whole_team",
                notes=f"{context.get('prefix', '')}bench",
            )
            for n in range(size)
        )
        timing = context["time_page"](reverse("calendars:week"), counsellor)
        Interview.objects.filter(pk__in=[i.pk for i in created]).delete()
        result[f"week_{size}"] = {"median_ms": timing["median_ms"], "queries": timing["queries"]}
        queries.append(timing["queries"])
        if "write" in context:
            context["write"](
                f"calendars: week with {size} interviews: {timing['median_ms']:.1f} ms, {timing['queries']} queries"
            )
    token = issue_feed(counsellor, structure)
    feed = context["time_page"](reverse("calendars:feed", args=[token]), counsellor)
    revoke_feed(counsellor, structure)
    result["feed"] = {"median_ms": feed["median_ms"], "queries": feed["queries"]}
    result["pass"] = len(set(queries)) == 1
    return result
