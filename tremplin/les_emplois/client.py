"""A client of the employee-records API of les emplois de l'inclusion ("fiches salarié").

`POST api/v1/token-auth/` (username, password → token), then `GET api/v1/employee-records/` with
`Authorization: Token …`, page by page (`count`, `next`, `previous`, `results`), filtered by `status`
(repeatable) and `since` (YYYY-MM-DD). The platform allows about 12 calls a minute per account: the
client spaces its calls itself (`RateLimiter`, whose clock and sleep are injectable so tests do not
wait), and backs off on 429 (Retry-After) and on 5xx and time-outs, a bounded number of times.
"""

from __future__ import annotations

import collections
import datetime
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from django.utils.translation import gettext as _

TOKEN_PATH = "api/v1/token-auth/"
RECORDS_PATH = "api/v1/employee-records/"
CALLS_PER_MINUTE = 12
MAX_RETRIES = 3
TIMEOUT_SECONDS = 20.0
MAX_WAIT_SECONDS = 120.0
USER_AGENT = "Tremplin (connecteur fiches salarié)"


class PlatformError(Exception):
    """The platform could not be used; the message says why, in words for the director."""


class BadCredentials(PlatformError):
    pass


class TokenRevoked(PlatformError):
    pass


class PlatformUnavailable(PlatformError):
    """Time-outs, 429 or 5xx answers beyond the retries: the pull stops and resumes at that page."""


class RateLimiter:
    """At most `per_minute` calls in any sliding minute."""

    def __init__(
        self,
        per_minute: int = CALLS_PER_MINUTE,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        self.calls: collections.deque[float] = collections.deque()

    def wait(self) -> None:
        now = self.clock()
        while self.calls and self.calls[0] <= now - 60:
            self.calls.popleft()
        if len(self.calls) >= self.per_minute:
            self.sleep(self.calls[0] + 60 - now)
            self.calls.popleft()
        self.calls.append(self.clock())


@dataclass(frozen=True)
class Page:
    url: str
    next_url: str
    count: int
    results: list


class Client:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        limiter: RateLimiter | None = None,
        session: requests.Session | None = None,
        timeout: float = TIMEOUT_SECONDS,
        max_retries: int = MAX_RETRIES,
    ):
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.limiter = limiter or RateLimiter()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout
        self.max_retries = max_retries
        self.calls = 0

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        """One call, retried on time-outs, 429 and 5xx; raises PlatformUnavailable past the retries."""
        last = ""
        for attempt in range(self.max_retries + 1):
            self.limiter.wait()
            self.calls += 1
            try:
                response = self.session.request(method, url, timeout=self.timeout, **kwargs)
            except requests.Timeout:
                last = _("la plateforme n'a pas répondu à temps")
                self.limiter.sleep(min(2**attempt, MAX_WAIT_SECONDS))
                continue
            except requests.RequestException as error:
                raise PlatformUnavailable(
                    _("Plateforme injoignable : %(error)s") % {"error": type(error).__name__}
                ) from error
            if response.status_code == 429:
                last = _("la plateforme limite le nombre d'appels (429)")
                self.limiter.sleep(_retry_after(response, default=60))
                continue
            if response.status_code >= 500:
                last = _("erreur de la plateforme (%(code)s)") % {"code": response.status_code}
                self.limiter.sleep(min(2 ** (attempt + 1), MAX_WAIT_SECONDS))
                continue
            return response
        raise PlatformUnavailable(
            _("Plateforme indisponible après %(n)s essais : %(last)s.") % {"n": self.max_retries + 1, "last": last}
        )

    def obtain_token(self, username: str, password: str) -> str:
        response = self._send(
            "POST", urljoin(self.base_url, TOKEN_PATH), data={"username": username, "password": password}
        )
        if response.status_code == 400:
            raise BadCredentials(
                _("Identifiant ou mot de passe refusé par les emplois de l'inclusion : vérifiez le compte employeur.")
            )
        if response.status_code != 200:
            raise PlatformError(_("Réponse inattendue de la plateforme (%(code)s).") % {"code": response.status_code})
        try:
            token = response.json()["token"]
        except (ValueError, KeyError, TypeError) as error:
            raise PlatformError(_("La plateforme n'a pas renvoyé de jeton.")) from error
        self.token = token
        return token

    def first_url(self, *, statuses: Sequence[str] = (), since: datetime.date | None = None) -> str:
        request = requests.Request(
            "GET",
            urljoin(self.base_url, RECORDS_PATH),
            params=[("status", s) for s in statuses] + ([("since", since.isoformat())] if since else []),
        ).prepare()
        return request.url

    def page(self, url: str) -> Page:
        response = self._send("GET", url, headers={"Authorization": f"Token {self.token}"})
        if response.status_code in (401, 403):
            raise TokenRevoked(
                _("La plateforme refuse le jeton enregistré (révoqué ou expiré) : enregistrez à nouveau la connexion.")
            )
        if response.status_code != 200:
            raise PlatformError(_("Réponse inattendue de la plateforme (%(code)s).") % {"code": response.status_code})
        try:
            body = response.json()
            return Page(url, body.get("next") or "", int(body.get("count") or 0), list(body["results"]))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise PlatformError(_("La page reçue de la plateforme n'est pas lisible.")) from error

    def pages(self, start_url: str) -> Iterator[Page]:
        url = start_url
        while url:
            page = self.page(url)
            yield page
            url = page.next_url


def _retry_after(response: requests.Response, *, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), MAX_WAIT_SECONDS)
    except ValueError:
        return default
