"""A request body over MAX_REQUEST_BODY_BYTES is refused with 413 before a byte of it is read."""

import pytest
from django.urls import reverse

MEGABYTE = 1024 * 1024


class GuardedInput:
    """A wsgi.input that fails the test when read past `allowed` bytes (a 150 MB body is never in memory)."""

    def __init__(self, allowed: int, chunk: bytes = b"a=b&"):
        self.allowed, self.chunk, self.position = allowed, chunk, 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or self.position + size > self.allowed:
            raise AssertionError(f"the body was read past {self.allowed} bytes")
        self.position += size
        return (self.chunk * (size // len(self.chunk) + 1))[:size]

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def send(client, length: int | None, guarded: GuardedInput, **extra):
    environ = {"wsgi.input": guarded, "CONTENT_TYPE": "application/x-www-form-urlencoded", **extra}
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    return client.generic("POST", reverse("accounts:login"), **environ)


@pytest.mark.django_db
def test_a_150_mb_body_gets_413_without_being_read(client):
    guarded = GuardedInput(allowed=0)

    response = send(client, 150 * MEGABYTE, guarded)

    assert response.status_code == 413
    page = response.content.decode()
    assert "Envoi trop volumineux" in page and "dépasse 20 Mo" in page
    assert guarded.position == 0


@pytest.mark.django_db
def test_a_body_within_the_limit_reaches_the_view(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    assert send(client, 1001, GuardedInput(allowed=0)).status_code == 413

    guarded = GuardedInput(allowed=1000)
    response = send(client, 1000, guarded)

    assert response.status_code != 413
    assert guarded.position == 1000  # the form was read, as usual


@pytest.mark.django_db
def test_a_chunked_body_without_length_is_not_read_past_the_limit(client):
    guarded = GuardedInput(allowed=0)

    response = send(client, None, guarded, HTTP_TRANSFER_ENCODING="chunked")

    assert response.status_code < 500
    assert guarded.position == 0
