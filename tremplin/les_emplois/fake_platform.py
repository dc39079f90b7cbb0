"""A local stand-in for the employee-records API of les emplois de l'inclusion, on loopback.

For the tests, the benchmark and the end-to-end test: it follows the platform's documented shapes
(DRF token auth, page-number pagination with absolute `next` URLs, `status` and `since` filters) and can
be told to misbehave: wrong credentials answer 400 `{"non_field_errors": [...]}`; a revoked token 401
`{"detail": "Invalid token."}`; `throttle_next` answers 429 with Retry-After; `fail_next` answers 500;
`slow_pages` holds a page longer than the client's time-out. Never a real address: it binds 127.0.0.1.
"""

from __future__ import annotations

import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

PAGE_SIZE = 20


def sample_record(n: int, *, siret: str, measure: str = "ACI_DC", created: datetime.date | None = None) -> dict:
    """A record shaped like the platform's, distinct for each `n`."""
    return {
        "passIae": f"99999{n:07d}",
        "passDateDeb": "01/09/2026",
        "passDateFin": "31/08/2028",
        "numLigne": n,
        "typeMouvement": "C",
        "numeroAnnexe": "ACI059220001A0M0",
        "mesure": measure,
        "siret": siret,
        "personnePhysique": {
            "passIae": f"99999{n:07d}",
            "passDateDeb": "01/09/2026",
            "passDateFin": "31/08/2028",
            "sufPassIae": None,
            "idItou": f"{n:030x}",
            "civilite": "MME" if n % 2 else "M",
            "nomUsage": f"SALARIE{n}",
            "nomNaissance": None,
            "prenom": "CAMILLE",
            "dateNaissance": f"{1 + n % 28:02d}/0{1 + n % 9}/19{70 + n % 30}",
            "codeComInsee": {"codeComInsee": "59350", "codeDpt": "059"},
            "codeInseePays": "100",
            "codeGroupePays": "1",
        },
        "adresse": {
            "adrTelephone": f"06{n:08d}",
            "adrMail": f"salarie{n}@example.org",
            "adrNumeroVoie": "3",
            "codeextensionvoie": None,
            "codetypevoie": "RUE",
            "adrLibelleVoie": "DES TISSERANDS",
            "adrCpltDistribution": None,
            "codeinseecom": "59350",
            "codepostalcedex": "59000",
        },
        "situationSalarie": {
            "orienteur": "01",
            "niveauFormation": "50",
            "salarieEnEmploi": False,
            "salarieTypeEmployeur": None,
            "salarieSansEmploiDepuis": "04",
            "salarieSansRessource": False,
            "inscritPoleEmploi": True,
            "inscritPoleEmploiDepuis": "04",
            "numeroIDE": f"{n:07d}A",
            "salarieRQTH": False,
            "salarieOETH": False,
            "salarieAideSociale": False,
            "salarieBenefRSA": "OUI-NM" if n % 3 == 0 else "NON",
            "salarieBenefRSADepuis": "02" if n % 3 == 0 else None,
            "salarieBenefASS": False,
            "salarieBenefASSDepuis": None,
            "salarieBenefAAH": False,
            "salarieBenefAAHDepuis": None,
        },
        "codeTraitement": None,
        "libelleTraitement": None,
        # Not part of the platform's answer: the fake's own bookkeeping, removed before sending.
        "_status": "PROCESSED",
        "_created": (created or datetime.date(2026, 9, 1)).isoformat(),
    }


class FakePlatform:
    """Run with `with FakePlatform(...) as platform:`; `platform.url` is its base URL."""

    def __init__(
        self,
        *,
        username="employeur@example.org",
        password="secret-du-compte",  # noqa: S107 (the fake's own account)
        records=(),
        page_size=PAGE_SIZE,
    ):
        self.username = username
        self.password = password
        self.records: list[dict] = list(records)
        self.page_size = page_size
        self.tokens: set[str] = set()
        self.throttle_next = 0
        self.retry_after = 1
        self.fail_next = 0
        self.slow_pages: dict[int, int] = {}  # page number -> how many more times to stall
        self.stall_seconds = 1.0
        self.requests: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    def __enter__(self) -> FakePlatform:
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _answer(self, status: int, body: dict, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _misbehave(self) -> bool:
                platform.requests.append(f"{self.command} {self.path}")
                if platform.throttle_next:
                    platform.throttle_next -= 1
                    self._answer(
                        429,
                        {"detail": f"Request was throttled. Expected available in {platform.retry_after} seconds."},
                        {"Retry-After": str(platform.retry_after)},
                    )
                    return True
                if platform.fail_next:
                    platform.fail_next -= 1
                    self._answer(500, {"detail": "Server Error (500)"})
                    return True
                return False

            def do_POST(self):
                if self._misbehave():
                    return
                if urlparse(self.path).path.rstrip("/") != "/api/v1/token-auth":
                    return self._answer(404, {"detail": "Not found."})
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = (
                    parse_qs(raw)
                    if "json" not in (self.headers.get("Content-Type") or "")
                    else {k: [v] for k, v in json.loads(raw or "{}").items()}
                )
                username = (form.get("username") or [""])[0]
                password = (form.get("password") or [""])[0]
                errors = {}
                if not username:
                    errors["username"] = ["Ce champ est obligatoire."]
                if not password:
                    errors["password"] = ["Ce champ est obligatoire."]
                if errors:
                    return self._answer(400, errors)
                if (username, password) != (platform.username, platform.password):
                    return self._answer(
                        400,
                        {
                            "non_field_errors": [
                                "Impossible de se connecter avec les informations d'identification fournies."
                            ]
                        },
                    )
                token = f"{len(platform.tokens) + 1:040x}"
                platform.tokens.add(token)
                return self._answer(200, {"token": token})

            def do_GET(self):
                if self._misbehave():
                    return
                parsed = urlparse(self.path)
                if parsed.path.rstrip("/") != "/api/v1/employee-records":
                    return self._answer(404, {"detail": "Not found."})
                auth = self.headers.get("Authorization") or ""
                if not auth.startswith("Token "):
                    return self._answer(401, {"detail": "Authentication credentials were not provided."})
                if auth[len("Token ") :] not in platform.tokens:
                    return self._answer(401, {"detail": "Invalid token."})
                query = parse_qs(parsed.query)
                statuses = [s.upper() for s in query.get("status", [])] or ["PROCESSED"]
                since = (query.get("since") or [""])[0]
                try:
                    page = int((query.get("page") or ["1"])[0])
                except ValueError:
                    return self._answer(404, {"detail": "Page non valide."})
                if platform.slow_pages.get(page):
                    platform.slow_pages[page] -= 1
                    time.sleep(platform.stall_seconds)
                chosen = [
                    r for r in platform.records if r["_status"] in statuses and (not since or r["_created"] >= since)
                ]
                start = (page - 1) * platform.page_size
                if page < 1 or (start >= len(chosen) and page != 1):
                    return self._answer(404, {"detail": "Page non valide."})
                results = [
                    {k: v for k, v in r.items() if not k.startswith("_")}
                    for r in chosen[start : start + platform.page_size]
                ]

                def link(number):
                    params = [(k, v) for k, values in query.items() if k != "page" for v in values] + [("page", number)]
                    return f"{platform.url.rstrip('/')}{parsed.path}?{urlencode(params)}"

                return self._answer(
                    200,
                    {
                        "count": len(chosen),
                        "next": link(page + 1) if start + platform.page_size < len(chosen) else None,
                        "previous": link(page - 1) if page > 1 else None,
                        "results": results,
                    },
                )

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
