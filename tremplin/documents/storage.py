"""Where uploaded documents live: a private folder outside the web root, never served by URL."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_media_root() -> Path:
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", settings.BASE_DIR / "var" / "private"))


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage whose root is read from the settings at each use (tests move it),
    and which has no URL at all: files go out only through the permission-checked view."""

    @property
    def base_location(self):
        return private_media_root()

    @property
    def location(self):
        return str(private_media_root().resolve())

    def url(self, name):
        raise ValueError("Private documents have no URL; use the documents:download view.")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    """Callable for FileField(storage=...), so migrations do not freeze a path."""
    return _storage


def random_file_name(instance, filename: str) -> str:
    """A random name: nothing the user typed ever reaches the disk."""
    return f"documents/{uuid.uuid4().hex}{instance.extension}"
