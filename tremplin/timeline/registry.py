"""How other apps write the sentences of their events on the timeline without editing this app.

Which records become events is declared in the personal-data registry: a `timeline=TimelineSource(builder,
related)` on the model's declaration in `tremplin/<app>/personal_data.py` (decisions 0006 and 0010). What
stays here is rendering: an app calls `register_describer(kind, function)` from its AppConfig.ready(), and
that function writes the sentence of that kind's events at display time.
"""

from collections.abc import Callable

Describer = Callable[[str, dict], str]

_DESCRIBERS: dict[str, Describer] = {}


def register_describer(kind: str, describer: Describer) -> None:
    """`describer(variant, data) -> str`, in the reader's language; data holds codes only."""
    _DESCRIBERS[kind] = describer


def describer_for(kind: str) -> Describer | None:
    return _DESCRIBERS.get(kind)
