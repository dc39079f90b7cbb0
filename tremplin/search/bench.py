"""`make bench`: the search page for a first name typed without accents, on the whole data set's structure.

Target: at most 4 times the baseline page, like the other pages of daily use (docs/decisions/0012-search.md).
"""

from urllib.parse import urlencode

from django.urls import reverse

from tremplin.core.search_keys import search_key

MAX_RATIO = 4


def measure(context: dict) -> dict:
    subject = context["subject"]
    counsellor, person = subject["counsellor"], subject["pathway"].person
    query = search_key(person.first_name)[:6]
    url = f"{reverse('search:results')}?{urlencode({'q': query})}"
    timing = context["time_page"](url, counsellor)
    if "write" in context:
        context["write"](
            f"search: « {query} »: {timing['median_ms']:.1f} ms ({timing['ratio']:.1f}× baseline), "
            f"{timing['queries']} queries"
        )
    return {"query": query, **timing, "pass": timing["ratio"] <= MAX_RATIO}
