"""Scope check: each API view names its area; GET needs the area's read scope, other methods its write scope.

What the token's membership may see is checked after this, by the same access functions as the pages.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import ApiToken
from .scopes import READ, WRITE, grants


class HasScope(BasePermission):
    message = "scope"

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        area = getattr(view, "scope_area", None)
        if area is None:
            return False
        level = READ if request.method in SAFE_METHODS else WRITE
        if grants(token.scopes, area, level):
            return True
        from .errors import MissingScope

        raise MissingScope(area, level)
