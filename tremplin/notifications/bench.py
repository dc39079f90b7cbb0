"""`make bench`: the notification centre of a counsellor holding 10 and 300 notifications, and the header's
counts read after every page: their time and queries, which must not depend on how many there are."""

from django.urls import reverse

from .models import Kind, Notification

SIZES = (10, 300)


def measure(context: dict) -> dict:
    subject = context["subject"]
    counsellor, pathway = subject["counsellor"], subject["pathway"]
    result: dict = {}
    queries: dict[str, list[int]] = {"centre": [], "menu_counts": []}
    for size in SIZES:
        created = Notification.objects.bulk_create(
            Notification(
                recipient=counsellor,
                structure=pathway.structure,
                person=pathway.person,
                kind=Kind.FOLLOW_UP_DUE,
                title=f"{context.get('prefix', '')}bench {n}",
                url="/",
                read_at=None if n % 3 else pathway.created_at,
            )
            for n in range(size)
        )
        for page in ("centre", "menu_counts"):
            url = reverse("notifications:centre") if page == "centre" else reverse("dashboards:menu_counts")
            timing = context["time_page"](url, counsellor)
            result[f"{page}_{size}"] = {"median_ms": timing["median_ms"], "queries": timing["queries"]}
            queries[page].append(timing["queries"])
            if "write" in context:
                context["write"](
                    f"notifications: {page} with {size} notifications: {timing['median_ms']:.1f} ms, "
                    f"{timing['queries']} queries"
                )
        Notification.objects.filter(pk__in=[n.pk for n in created]).delete()
    result["pass"] = all(len(set(counts)) == 1 for counts in queries.values())
    return result
