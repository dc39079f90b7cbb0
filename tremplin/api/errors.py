"""Every API error in one format (docs/api.md):

    {"errors": [{"field": "planned_at", "code": "invalid", "message": "Date prévue : …"}]}

`field` is the request field the message is about, or null for the request as a whole. Validation messages
are those of the pages' forms and services, so a partner's software shows the same sentences as the pages.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from . import scopes


class MissingScope(exceptions.PermissionDenied):
    default_code = "scope_missing"

    def __init__(self, area: str, level: str):
        super().__init__(
            _("Ce jeton n'a pas le droit « %(scope)s ».") % {"scope": scopes.label(scopes.scope(area, level))},
            code="scope_missing",
        )


class Invalid(exceptions.APIException):
    """Bad input: a list of (field, code, message), already in the API's format."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(detail=errors[0]["message"] if errors else "")


def _field(name):
    return None if name in (None, NON_FIELD_ERRORS, "non_field_errors") else name


def from_django(error: DjangoValidationError) -> Invalid:
    """A service's or a form's ValidationError (keyed by field names) in the API's format."""
    errors = []
    if hasattr(error, "error_dict"):
        for name, items in error.error_dict.items():
            for item in items:
                for message in item.messages:
                    errors.append({"field": _field(name), "code": item.code or "invalid", "message": message})
    else:
        for item in error.error_list:
            for message in item.messages:
                errors.append({"field": None, "code": item.code or "invalid", "message": message})
    return Invalid(errors)


def from_form(form) -> Invalid:
    return from_django(DjangoValidationError(form.errors.as_data()))


def _flatten(detail, field=None) -> list[dict]:
    if isinstance(detail, dict):
        found = []
        for name, value in detail.items():
            found += _flatten(value, name if field is None else f"{field}.{name}")
        return found
    if isinstance(detail, list):
        found = []
        for value in detail:
            found += _flatten(value, field)
        return found
    return [{"field": _field(field), "code": getattr(detail, "code", None) or "invalid", "message": str(detail)}]


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = from_django(exc)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(
            _("Le rôle du membre au nom duquel ce jeton agit ne permet pas cette opération."), code="permission_denied"
        )
    elif isinstance(exc, Http404):
        # As on the pages: another structure's record, or one the token's membership may not see, does not exist.
        exc = exceptions.NotFound(_("Aucun enregistrement ne correspond à cet identifiant."), code="not_found")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Invalid):
        errors = exc.errors
    elif isinstance(exc, exceptions.NotAuthenticated):
        errors = [{"field": None, "code": "not_authenticated", "message": str(exc.detail)}]
    else:
        errors = _flatten(exc.detail)
    response.data = {"errors": errors}
    return response
