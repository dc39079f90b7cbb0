"""Installation settings of the badges (environment variables or Django settings of the same name).

TREMPLIN_BADGES_DOMAIN: the public host name of the installation, used in did:web identifiers and
credential ids (default: the first ALLOWED_HOSTS entry). TREMPLIN_BADGES_DID_METHOD: the method of
new issuers, "web" (default) or "key". TREMPLIN_BADGES_KEY_SECRET: see keys.py.
"""

import os
from urllib.parse import quote

from django.conf import settings


def _setting(name: str, default: str = "") -> str:
    return str(getattr(settings, name, "") or os.environ.get(name, "") or default)


def domain() -> str:
    hosts = [h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")]
    return _setting("TREMPLIN_BADGES_DOMAIN", hosts[0] if hosts else "localhost")


def did_web_domain() -> str:
    """did:web encodes a port's colon as %3A."""
    return quote(domain(), safe="")


def base_url() -> str:
    scheme = (
        "http"
        if (settings.DEBUG or settings.DEMO) and domain().split(":")[0] in ("localhost", "127.0.0.1")
        else "https"
    )
    return f"{scheme}://{domain()}"


def default_did_method() -> str:
    return _setting("TREMPLIN_BADGES_DID_METHOD", "web")
