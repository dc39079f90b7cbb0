"""`make bench`: the agenda of a team meeting with 3 and with 30 people (or fewer if the structure has
fewer pathways): its time and its queries, which must not depend on the number of people."""

from django.urls import reverse
from django.utils import timezone

from tremplin.pathways.models import Pathway

from .models import ReviewItem, ReviewMeeting, ReviewReason

SIZES = (3, 30)


def measure(context: dict) -> dict:
    subject = context["subject"]
    pathway, counsellor = subject["pathway"], subject["counsellor"]
    structure = pathway.structure
    pathways = list(Pathway.objects.filter(structure=structure).order_by("pk")[: max(SIZES)])
    result: dict = {}
    queries = []
    for size in SIZES:
        meeting = ReviewMeeting.objects.create(
            structure=structure, kind="synthesis", date=timezone.localdate(), place=f"{context.get('prefix', '')}bench"
        )
        meeting.participants.add(counsellor)
        ReviewItem.objects.bulk_create(
            ReviewItem(meeting=meeting, pathway=p, reason=ReviewReason.CHOSEN) for p in pathways[:size]
        )
        timing = context["time_page"](reverse("review_meetings:detail", args=[meeting.public_id]), counsellor)
        meeting.delete()
        people = min(size, len(pathways))
        result[f"agenda_{size}"] = {"people": people, "median_ms": timing["median_ms"], "queries": timing["queries"]}
        queries.append(timing["queries"])
        if "write" in context:
            context["write"](
                f"review_meetings: agenda with {people} people: {timing['median_ms']:.1f} ms, {timing['queries']} queries"
            )
    result["pass"] = len(set(queries)) == 1
    return result
