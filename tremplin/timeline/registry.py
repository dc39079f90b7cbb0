"""How other apps put their records on the timeline without editing this app.

An app calls `register_source(Model, builder, related)` from its AppConfig.ready():
the builder turns one record into its events (use `builders.make_event`); `related` are
select_related paths, the first one leading to the pathway ("pathway" or "x__pathway"). The records are
kept in sync on save, and `rebuild_timeline` rebuilds them. `register_describer(kind,
function)` writes the sentence of that kind's events at display time.
"""

from collections.abc import Callable, Iterable

from django.db.models.signals import post_save

Builder = Callable[[object], list]
Describer = Callable[[str, dict], str]

_SOURCES: list[tuple[type, Builder, Iterable[str]]] = []
_DESCRIBERS: dict[str, Describer] = {}


def _connect(model: type, builder: Builder) -> None:
    from .signals import sync_events

    def on_save(sender, instance, created=False, raw=False, **kwargs) -> None:
        if raw:  # fixtures: rebuild_timeline does it afterwards
            return
        sync_events(instance, builder, created=created)

    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"timeline_{model._meta.label_lower}")


def register_source(model: type, builder: Builder, related: Iterable[str] = ()) -> None:
    if any(known is model for known, _b, _r in _SOURCES):
        return
    _SOURCES.append((model, builder, tuple(related)))
    _connect(model, builder)


def registered_sources() -> list[tuple[type, Builder, Iterable[str]]]:
    return list(_SOURCES)


def register_describer(kind: str, describer: Describer) -> None:
    """`describer(variant, data) -> str`, in the reader's language; data holds codes only."""
    _DESCRIBERS[kind] = describer


def describer_for(kind: str) -> Describer | None:
    return _DESCRIBERS.get(kind)
