"""API reads go to the access log like page reads: the same checks note the people, the same service logs them.

A view declares `audit_part` (a part of `audit.parts.READ_PARTS` or of the personal-data registry), as a page
declares `@reads_personal_data(part)`. A detail view notes its person through the access checks
(`accounts.access`); a list view notes the people of the page it answers (`saw_people`). When the view answers
2xx, one entry per person is written; a refusal or an error writes none. `tests/test_reads_are_logged.py`
fails when an API route that returns a person's data logs no read.
"""

from django.http import HttpRequest

from tremplin.accounts.access import saw_people
from tremplin.audit.models import Action
from tremplin.audit.reads import log_reads


class LogsReads:
    """Mixin for API views: `audit_part` (None for routes about no person), `audit_action` (read)."""

    audit_part: str | None = None
    audit_action: str = Action.READ

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.audit_part and 200 <= response.status_code < 300 and request.method == "GET":
            log_reads(request._request, self.audit_part, self.audit_action)
        return response


def note_people(request, people) -> None:
    """Notes the people a list answer shows (each page of a list is a read of the people on it)."""
    django_request: HttpRequest = getattr(request, "_request", request)
    saw_people(django_request, people)
