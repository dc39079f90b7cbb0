"""Reads of a person's data, declared once per view.

A view that shows (or exports) a part of a person's file is declared with `@reads_personal_data(part)`.
The access checks of `tremplin.accounts.access` note every person the request was let see; when the view
answers with the page, the file or the fragment (anything but a redirect), one access-log row is written
per person noted, through `log_access` / `log_access_many`. A view that raised (404, 403) or redirected
after a change logs no read. `tests/security/test_reads_are_logged.py` fails when a page about a person
is not declared.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest

from tremplin.accounts.access import people_seen

from .models import Action
from .services import log_access, log_access_many


def log_reads(request: HttpRequest, part: str, action: str = Action.READ) -> int:
    """Logs the people the access checks let this request see; returns how many."""
    seen = people_seen(request)
    if len(seen) == 1:
        person, record = seen[0]
        log_access(request, person=person, part=part, action=action, obj=record)
    elif seen:
        records = {id(record) for _person, record in seen}
        record = seen[0][1] if len(records) == 1 else None
        log_access_many(request, people=[person for person, _record in seen], part=part, action=action, obj=record)
    return len(seen)


def reads_personal_data(part: str, *, action: str = Action.READ) -> Callable:
    """View decorator: the page shows `part` of the file of the people its access checks let it see.

    `action` is `export` for files that leave the application (PDF, JSON, downloads).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if not 300 <= response.status_code < 400:
                log_reads(request, part, action)
            return response

        wrapped.reads_personal_data = (part, action)
        return wrapped

    return decorator
