"""Request hygiene shared by every view.

Control characters have no place in text typed by a person, and PostgreSQL refuses a NUL in any string
("A string literal cannot contain NUL (0x00) characters"), so a NUL reaching a query was a server error.
Forms' CharFields already refuse NUL, but many views read `request.GET` directly (search boxes, filters,
pagination) and some read `request.POST` directly. Cleaning the query string and the form data once,
before any view or middleware reads them, covers both without each view having to remember.

Request bodies are capped here too, not only at the proxy: an oversized body is refused from its declared
length before anything reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict, UnreadablePostError
from django.template.loader import render_to_string
from django.utils import translation

# C0 control characters except tab, line feed and carriage return, which text areas legitimately send.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def cleaned_query(query: QueryDict) -> QueryDict:
    """The same parameters (keys and values) without control characters; the very same object if none had any."""
    if not any(
        CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(value) for value in values)
        for key, values in query.lists()
    ):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        name = without_control_characters(key)
        cleaned.setlist(name, cleaned.getlist(name) + [without_control_characters(value) for value in values])
    cleaned._mutable = query._mutable
    return cleaned


class ControlCharactersMiddleware:
    """Removes control characters from every query-string and form value (Django already drops the non-printable
    characters of uploaded files' names)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.GET = cleaned_query(request.GET)
        if request.method == "POST":
            try:
                request.POST = cleaned_query(request.POST)
            except UnreadablePostError:
                pass  # a broken upload: left for the CSRF check and the view to answer as they do
        return self.get_response(request)


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
