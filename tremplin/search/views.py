"""The header's search box: a full results page, and the live list under the box (htmx fragment)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from tremplin.accounts.access import require_membership

from . import services


def _is_live(request: HttpRequest) -> bool:
    """The box's own request (htmx); a history restore wants the whole page."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


@require_membership()
def results(request: HttpRequest) -> HttpResponse:
    """Names only, from the lists the member may read; nothing is opened, so nothing is logged
    (the people list, which shows the same names, does not log either)."""
    query = services.clean_query(request.GET.get("q"))
    live = _is_live(request)
    searchable = services.is_searchable(query)
    found = None
    if searchable:
        found = services.search(request.membership, query, limit=services.LIVE_LIMIT if live else services.PAGE_LIMIT)
    context = {"query": query, "searchable": searchable, "results": found, "min_length": services.MIN_LENGTH}
    response = render(request, "search/_live.html" if live else "search/results.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response
