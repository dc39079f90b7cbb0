"""One request budget per token (`TREMPLIN_API_RATE`), whatever address the partner's software calls from."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "token"

    def get_rate(self) -> str:
        # Read at each request, so the rate can be set per deployment and per test.
        return settings.TREMPLIN_API_RATE

    def get_cache_key(self, request, view) -> str:
        token = request.auth
        ident = f"t{token.pk}" if isinstance(token, ApiToken) else f"ip{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
