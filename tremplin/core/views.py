from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tremplin.accounts.access import require_membership

from .status_badges import kinds


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Health check for the load balancer: answers 200 only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@require_membership()
def components(request: HttpRequest) -> HttpResponse:
    """The design system's living page (docs/design-system.md): each component as the pages use it, for the team
    and developers to check them at 390 px and on a desktop. It shows no one's data."""
    badges = [(kind, [value for value, _label in choices.choices]) for kind, (choices, _tones) in kinds().items()]
    return render(request, "core/components.html", {"badges": badges})
