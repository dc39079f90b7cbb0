"""Who is asking, and how often: the client address and counters in Django's cache.

The counters live in the cache (Redis in production with CACHE_URL, memory otherwise): they only have to
survive their window, and a lost counter costs at most one window's worth of extra requests.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address our TREMPLIN_PROXY_COUNT proxies saw, never one the client wrote itself.

    Each proxy appends the address it received the request from to X-Forwarded-For: the entry
    TREMPLIN_PROXY_COUNT from the end is the client as seen by the outermost proxy.
    """
    count = getattr(settings, "TREMPLIN_PROXY_COUNT", 0)
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def cache_key(scope: str, value: str) -> str:
    """A key that keeps addresses (personal data) out of the cache and within any backend's key rules."""
    return f"tremplin:{scope}:{hashlib.sha256(value.encode()).hexdigest()}"


def _count(key: str, window_seconds: int) -> None:
    """One more event in the window that started with the key's first event."""
    cache.add(key, 0, window_seconds)
    try:
        cache.incr(key)
    except ValueError:  # the window ended between the two calls: this event opens the next one
        cache.add(key, 1, window_seconds)


def allow_all(counters: list[tuple[str, int]], window_seconds: int) -> bool:
    """True, and counts the event in every counter, if no counter has reached its limit in the window.

    A refused event is not counted: someone hammering one address does not use up the allowance of the
    others sharing their IP address.
    """
    counts = cache.get_many([key for key, _limit in counters])
    if any(counts.get(key, 0) >= limit for key, limit in counters):
        return False
    for key, _limit in counters:
        _count(key, window_seconds)
    return True


def password_reset_allowed(request: HttpRequest, email: str) -> bool:
    """At most TREMPLIN_RESET_EMAILS_PER_ADDRESS reset e-mails per address and TREMPLIN_RESET_EMAILS_PER_IP per
    client address in TREMPLIN_RESET_WINDOW_MINUTES, whether or not the address has an account."""
    address = email.strip().lower()
    return allow_all(
        [
            (cache_key("reset-address", address), settings.TREMPLIN_RESET_EMAILS_PER_ADDRESS),
            (cache_key("reset-ip", client_ip(request) or ""), settings.TREMPLIN_RESET_EMAILS_PER_IP),
        ],
        settings.TREMPLIN_RESET_WINDOW_MINUTES * 60,
    )
