"""Error pages in the product's layout and the reader's language: what happened and where to go next.

Django's defaults are a bare English line (403, 400) or nothing of the app (404, 500 with DEBUG off).
The 500 page is drawn without the request's context first tried, then without any context: whatever
broke the page (a database down, a template error in the layout) must not break the error page too.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ErrorPage:
    status: int
    title: Promise
    explanation: Promise


BAD_REQUEST = ErrorPage(
    400,
    _("Demande incomprise"),
    _("Le navigateur a envoyé une demande que Tremplin ne sait pas lire. Revenez en arrière et réessayez."),
)
FORBIDDEN = ErrorPage(
    403,
    _("Accès refusé"),
    _(
        "Votre rôle dans cette structure ne permet pas d'ouvrir cette page. Si vous en avez besoin pour votre "
        "travail, demandez à la direction de votre structure de revoir votre rôle."
    ),
)
CSRF_FAILED = ErrorPage(
    403,
    _("Formulaire expiré"),
    _(
        "Ce formulaire a été ouvert il y a trop longtemps ou dans une autre fenêtre, et n'a pas été enregistré "
        "par sécurité. Revenez en arrière, rechargez la page, puis envoyez-le de nouveau."
    ),
)
NOT_FOUND = ErrorPage(
    404,
    _("Page introuvable"),
    _(
        "Cette page n'existe pas, ou elle n'est pas accessible depuis votre compte. L'adresse est peut-être "
        "incomplète, ou l'élément a été supprimé."
    ),
)
SERVER_ERROR = ErrorPage(
    500,
    _("Une erreur est survenue"),
    _(
        "Tremplin n'a pas pu afficher cette page. L'équipe technique est prévenue. Ce que vous avez enregistré "
        "avant reste enregistré ; réessayez dans quelques minutes."
    ),
)


def render_error(request: HttpRequest | None, page: ErrorPage) -> HttpResponse:
    context = {"error": page}
    return HttpResponse(loader.render_to_string("errors/error.html", context, request=request), status=page.status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render_error(request, BAD_REQUEST)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render_error(request, FORBIDDEN)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render_error(request, NOT_FOUND)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render_error(request, CSRF_FAILED)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return render_error(request, SERVER_ERROR)
    except Exception:  # noqa: BLE001 - the error page must draw whatever broke the full layout
        html = loader.render_to_string("errors/server_error_bare.html", {"error": SERVER_ERROR})
        return HttpResponse(html, status=500)
