"""Links to many objects from one URL reverse.

A list page that links each of its rows (a few links per row, dozens of rows) can spend more time in
`reverse` than in its queries. The URLs of Tremplin's pages take public ids (uuids), so a URL reversed
once with placeholder uuids gives every row's URL by replacing the placeholders.
"""

import functools
import uuid
from collections.abc import Callable

from django.urls import get_script_prefix, reverse

# Placeholders: uuids no object ever gets (public ids are random version-4 uuids).
_PLACEHOLDERS = tuple(uuid.UUID(int=n) for n in range(1, 4))
SLOT = object()


def url_maker(name: str, *args) -> Callable[..., str]:
    """A function giving `reverse(name, args=...)` for many objects, at the cost of one reverse.

    `args` are the URL's arguments, with SLOT where each call's uuids go, in order:
    `url_maker("matching:send", SLOT, offer.public_id)(pathway.public_id)`.
    """
    slots = [i for i, arg in enumerate(args) if arg is SLOT]
    if not slots or len(slots) > len(_PLACEHOLDERS):
        raise ValueError("url_maker needs one to three SLOT arguments.")
    placeholders = iter(_PLACEHOLDERS)
    pattern = reverse(name, args=[next(placeholders) if arg is SLOT else arg for arg in args])
    markers = [str(_PLACEHOLDERS[k]) for k in range(len(slots))]

    def make(*values: uuid.UUID) -> str:
        if len(values) != len(markers):
            raise TypeError(f"{name}: expected {len(markers)} uuid(s), got {len(values)}.")
        url = pattern
        for marker, value in zip(markers, values, strict=True):
            url = url.replace(marker, str(uuid.UUID(str(value))))
        return url

    return make


def object_url(name: str, public_id: uuid.UUID) -> str:
    """`reverse(name, args=[public_id])` for a URL taking one uuid, reversing each name once per process.

    For links every page of a kind repeats (the programme's sub-navigation: sixteen links on each of
    its pages). The cache is keyed by the script prefix too, so a mounted installation gets its own.
    """
    return _maker(name, get_script_prefix())(public_id)


@functools.lru_cache(maxsize=256)
def _maker(name: str, _prefix: str) -> Callable[..., str]:
    return url_maker(name, SLOT)
