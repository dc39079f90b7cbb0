"""Real protocols on loopback for the tests: an SMTP server (aiosmtpd) and a fake of Brevo's transactional SMS
API (http.server) following Brevo's documented shapes: 201 {"messageId": …}; 400 {"code": "invalid_parameter"};
401 {"code": "unauthorized"}; 402 {"code": "not_enough_credits"}; 429 with x-sib-ratelimit-reset; 5xx."""

from __future__ import annotations

import email
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

API_KEY = "test-brevo-key"


class SmtpSink:
    """What the SMTP server received; recipients in `bounce` are refused with 550 (a hard bounce)."""

    def __init__(self):
        self.messages: list[email.message.Message] = []
        self.bounce: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's name
        if address in self.bounce:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp() -> tuple[Controller, SmtpSink]:
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, sink


class FakeBrevo:
    """Answers POST /v3/transactionalSMS/send; `script` holds the next answers ((status, body, headers)), then
    every request succeeds. `received` holds the requests' JSON bodies."""

    def __init__(self):
        self.received: list[dict] = []
        self.script: list[tuple[int, dict, dict]] = []
        self.events: list[dict] = []
        self.next_id = 1511882900176220
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                if self.path != "/v3/transactionalSMS/send":
                    return self._answer(404, {"code": "not_found", "message": "Not found"})
                if self.headers.get("api-key") != API_KEY:
                    return self._answer(401, {"code": "unauthorized", "message": "Key not found"})
                try:
                    body = json.loads(raw)
                except ValueError:
                    return self._answer(400, {"code": "bad_request", "message": "Malformed JSON"})
                missing = [name for name in ("sender", "recipient", "content") if not body.get(name)]
                if missing:
                    return self._answer(400, {"code": "missing_parameter", "message": f"{missing[0]} is missing"})
                if not str(body["recipient"]).isdigit():
                    return self._answer(400, {"code": "invalid_parameter", "message": "Invalid phone number"})
                if len(body["sender"]) > 11 and not body["sender"].isdigit():
                    return self._answer(400, {"code": "invalid_parameter", "message": "sender is too long"})
                if fake.script:
                    status, answer, headers = fake.script.pop(0)
                    return self._answer(status, answer, headers)
                fake.received.append(body)
                fake.next_id += 1
                return self._answer(201, {"messageId": fake.next_id})

            def _answer(self, status: int, body: dict, headers: dict | None = None):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v3/transactionalSMS/send"

    def start(self) -> FakeBrevo:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def throttle(self, times: int = 1) -> None:
        for _ in range(times):
            self.script.append(
                (429, {"code": "too_many_requests", "message": "Too many requests"}, {"x-sib-ratelimit-reset": "1"})
            )

    def fail(self, status: int, code: str, message: str, times: int = 1) -> None:
        for _ in range(times):
            self.script.append((status, {"code": code, "message": message}, {}))


def use_servers(settings, smtp: Controller, brevo: FakeBrevo) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp.hostname
    settings.EMAIL_PORT = smtp.port
    settings.EMAIL_USE_TLS = False
    settings.TREMPLIN_SMS_BACKEND = "brevo"
    settings.TREMPLIN_BREVO_API_URL = brevo.url
    settings.TREMPLIN_BREVO_API_KEY = API_KEY
