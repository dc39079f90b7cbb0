"""Shared by the security tests: the world of the permission matrix, every URL, a snapshot of the data."""

import hashlib

from django.apps import apps
from django.db import models

from tests.security.test_permission_matrix import EXPECTED, URL_NAMES, build_structure, url_for

__all__ = ["EXPECTED", "URL_NAMES", "build_structure", "url_for", "tremplin_models", "snapshot", "every_url"]

# The access log is expected to grow on reads; it is checked by its own tests.
NOT_DATA = {"audit"}


def tremplin_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("tremplin.") and model._meta.app_label not in NOT_DATA
    ]


def snapshot(*, ignore: dict[str, set[str]] | None = None) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row of every Tremplin model (fields in `ignore` left out)."""
    ignore = ignore or {}
    result = {}
    for model in tremplin_models():
        label = model._meta.label
        fields = [f.attname for f in model._meta.concrete_fields if f.name not in ignore.get(label, set())]
        rows = model._base_manager.order_by("pk").values_list(*fields)
        digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
        result[label] = (model._base_manager.count(), digest)
    return result


def changed(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after.get(label)]


def every_url(world: dict) -> list[tuple[str, str]]:
    """(name, path) of every URL of the project, with the arguments of `world`'s records.

    A URL the matrix cannot build yet is left out here: test_permission_matrix reports it.
    """
    found = []
    for name in sorted(URL_NAMES):
        try:
            found.append((name, url_for(name, world)))
        except (KeyError, AssertionError):
            continue
    return found
