"""Refuses an oversized request body before anything reads it."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


class RequestBodyLimitMiddleware:
    """Answers 413 to a request whose Content-Length is over MAX_REQUEST_BODY_BYTES, without reading it.

    First in MIDDLEWARE: nothing before it touches request.POST or request.FILES. A body with no
    Content-Length (chunked) needs no check here: Django's WSGI request reads at most the declared
    length, which is then zero, so the cap holds while streaming too. The proxy's own cap
    (docs/deploy.md) stays, this one protects an installation without it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.MAX_REQUEST_BODY_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    # LocaleMiddleware has not run yet: the page follows the browser's language itself.
    with translation.override(translation.get_language_from_request(request)):
        body = render_to_string(
            "413.html",
            {"limit_mb": limit // (1024 * 1024), "language": translation.get_language()},
        )
    return HttpResponse(body, status=413, content_type="text/html; charset=utf-8")
