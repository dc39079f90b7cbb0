"""Who is acting: the current request (set by AuditMiddleware) or the running command."""

import contextlib
import sys
from contextvars import ContextVar

_request: ContextVar = ContextVar("audit_request", default=None)
_command: ContextVar = ContextVar("audit_command", default=None)


def current_request():
    return _request.get()


def set_request(request):
    return _request.set(request)


def reset_request(token) -> None:
    _request.reset(token)


@contextlib.contextmanager
def acting_command(name: str):
    """Names the command that changes records outside any request (e.g. a purge job)."""
    token = _command.set(name)
    try:
        yield
    finally:
        _command.reset(token)


def current_command() -> str:
    """The command named by `acting_command`, else the manage.py sub-command, else ''."""
    name = _command.get()
    if name:
        return name
    if len(sys.argv) > 1 and sys.argv[0].endswith("manage.py"):
        return sys.argv[1]
    return ""
