"""Sending an SMS through one small interface: `send_sms(to, text, sender) -> SmsResult`.

The backend is chosen by the setting `TREMPLIN_SMS_BACKEND`: "console" (development: printed to the log),
"file" (demo and tests: one JSON line per SMS in `TREMPLIN_SMS_FILE`), "brevo" (Brevo's transactional SMS API,
`POST /v3/transactionalSMS/send` with the `api-key` header, `TREMPLIN_BREVO_API_KEY`, and
`TREMPLIN_BREVO_API_URL` to point it elsewhere, e.g. a local fake in tests).

A provider's refusal raises SmsError: `retryable` for what may pass later (429 throttling, 5xx, network),
not for what never will (400 invalid number, 401 bad key, 402 no credits).
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

BREVO_URL = "https://api.brevo.com/v3/transactionalSMS/send"


@dataclass(frozen=True)
class SmsResult:
    provider_id: str


class SmsError(Exception):
    def __init__(self, reason: str, *, retryable: bool, retry_after: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


def send_sms(to: str, text: str, sender: str) -> SmsResult:
    """`to` in E.164 (+33612345678)."""
    backend = getattr(settings, "TREMPLIN_SMS_BACKEND", "console")
    if backend == "brevo":
        return _brevo(to, text, sender)
    if backend == "file":
        return _file(to, text, sender)
    if backend == "console":
        log.warning("SMS to %s from %s: %s", to, sender, text)
        return SmsResult(provider_id="")
    raise SmsError(f"unknown SMS backend {backend!r}", retryable=False)


def _file(to: str, text: str, sender: str) -> SmsResult:
    path = Path(getattr(settings, "TREMPLIN_SMS_FILE", "sms.jsonl"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"to": to, "sender": sender, "text": text}, ensure_ascii=False) + "\n")
    return SmsResult(provider_id="")


def _brevo(to: str, text: str, sender: str) -> SmsResult:
    body = json.dumps(
        {
            "sender": sender,
            "recipient": to.lstrip("+"),
            "content": text,
            "type": "transactional",
            "unicodeEnabled": not text.isascii(),
        }
    ).encode()
    url = getattr(settings, "TREMPLIN_BREVO_API_URL", "") or BREVO_URL
    if not url.startswith(("https://", "http://")):
        raise SmsError(f"Brevo URL must be http(s): {url!r}", retryable=False)
    request = urllib.request.Request(  # noqa: S310 - an http(s) URL, checked above
        url,
        data=body,
        method="POST",
        headers={
            "accept": "application/json",
            "content-type": "application/json",
            "api-key": getattr(settings, "TREMPLIN_BREVO_API_KEY", ""),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the URL is the setting's
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raise _brevo_error(error) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise SmsError(f"Brevo unreachable: {error}", retryable=True) from None
    return SmsResult(provider_id=str(answer.get("messageId", "")))


def _brevo_error(error: urllib.error.HTTPError) -> SmsError:
    try:
        answer = json.loads(error.read() or b"{}")
    except ValueError:
        answer = {}
    detail = f"{answer.get('code', '')} {answer.get('message', '')}".strip() or error.reason
    reason = f"Brevo {error.code}: {detail}"
    if error.code == 429:
        reset = error.headers.get("x-sib-ratelimit-reset") if error.headers else None
        return SmsError(reason, retryable=True, retry_after=int(reset) if (reset or "").isdigit() else None)
    return SmsError(reason, retryable=error.code >= 500)
