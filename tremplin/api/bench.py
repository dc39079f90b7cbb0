"""`make bench`: the API's list endpoints for a token of the measured counsellor, on the large structure and
on a small one built here: median time against the baseline page, and the query count, which must be the
same on both (a list page costs the same whatever the structure's size).

Each answer logs one access-log entry per person on the page (25 by default), as the pages' reads do.
"""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role

from .models import ApiToken, hash_key, new_key
from .scopes import ALL_SCOPES

ENDPOINTS = ("/api/v1/people/", "/api/v1/pathways/", "/api/v1/appointments/", "/api/v1/job-offers/")
MAX_RATIO = 4
SMALL_PEOPLE = 3


def _token(membership) -> str:
    key = new_key()
    ApiToken.objects.create(
        structure_id=membership.structure_id,
        membership=membership,
        name="bench",
        prefix=key[:12],
        key_hash=hash_key(key),
        scopes=list(ALL_SCOPES),
    )
    return key


def _small_structure(context: dict) -> Membership:
    """A structure of a few people, with the same programme rules, for the size comparison."""
    from tremplin.core.visibility import Visibility
    from tremplin.interviews.models import Interview
    from tremplin.pathways.models import Pathway
    from tremplin.people.models import Person
    from tremplin.programmes.models import Programme
    from tremplin.structures.models import Structure

    big = context["subject"]["pathway"]
    structure = Structure.objects.create(name=f"{context['prefix']}api-small", kind=big.structure.kind)
    from tremplin.accounts.models import User

    user = User.objects.create(email=f"api-small@{context['email_domain']}")
    membership = Membership.objects.create(user=user, structure=structure, role=Role.COUNSELLOR)
    programme = Programme.objects.create(structure=structure, name="API", kind=big.programme.kind)
    for index in range(SMALL_PEOPLE):
        person = Person.objects.create(structure=structure, first_name="Petit", last_name=f"Effectif {index}")
        pathway = Pathway.objects.create(person=person, structure=structure, programme=programme, referent=user)
        Interview.objects.create(pathway=pathway, planned_at=timezone.now(), visibility=Visibility.WHOLE_TEAM)
    return membership


def _time(client: Client, url: str, runs: int, warmups: int) -> tuple[float, int]:
    for _ in range(max(warmups, 1)):
        assert client.get(url).status_code == 200, url
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)  # now: the next request clears the connection's query log
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), count


def measure(context: dict) -> dict:
    subject = context["subject"]
    big = Membership.objects.get(user=subject["counsellor"], structure_id=subject["pathway"].structure_id)
    small = _small_structure(context)
    runs, warmups, baseline = context["runs"], context["warmups"], context["baseline_ms"] or 1e-9
    result: dict = {}
    passed = True
    with override_settings(TREMPLIN_API_RATE="100000/minute"):
        clients = {
            name: Client(HTTP_AUTHORIZATION=f"Bearer {_token(membership)}")
            for name, membership in (("large", big), ("small", small))
        }
        for url in ENDPOINTS:
            median, queries = _time(clients["large"], url, runs, warmups)
            _small_median, small_queries = _time(clients["small"], url, runs, warmups)
            ratio = median / baseline
            row = {
                "median_ms": round(median, 2),
                "queries": queries,
                "queries_small_structure": small_queries,
                "ratio": round(ratio, 2),
            }
            passed &= ratio <= MAX_RATIO and queries == small_queries
            result[url] = row
            if "write" in context:
                context["write"](
                    f"api {url}: {median:.1f} ms ({ratio:.1f}× baseline), {queries} queries "
                    f"({small_queries} on a {SMALL_PEOPLE}-person structure)"
                )
    result["pass"] = passed
    return result
