"""`make demo` serves the product as its users see it: DEBUG off, the app's own error pages, its static files."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_demo_server_shows_the_apps_pages_not_djangos_technical_ones(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "TREMPLIN_DEMO": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("TREMPLIN_DEBUG", None)
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        status, html = _get(f"http://127.0.0.1:{port}/cette-page-n-existe-pas/")
        assert status == 404
        assert "Page introuvable" in html
        assert "Using the URLconf" not in html  # Django's DEBUG page
        css = f"http://127.0.0.1:{port}/static/css/tremplin.css"
        assert _get(css)[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
