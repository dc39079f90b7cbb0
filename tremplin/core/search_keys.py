"""Names compared without accents or case, on SQLite and PostgreSQL alike (docs/decisions/0012-search.md).

A record that is searched by name keeps a derived column holding its name as `search_key` writes it:
"Inès Lefèvre-Durand" is stored "ines lefevre durand". A search normalises what was typed the same way
and compares with a plain `contains`, so the database needs no extension and no collation of its own.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import models

# Letters that NFKD does not decompose into a base letter and an accent.
_SPELLED_OUT = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


def search_key(*parts: str) -> str:
    """Lower case, no accents, words made of letters and digits only, one space between them."""
    text = " ".join(part for part in parts if part)
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED_OUT))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", text.replace("_", " ")))


# Words too common in French and English job and practice names to narrow a search.
STOP_WORDS = frozenset(
    {
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "un",
        "une",
        "the",
        "of",
        "and",
    }
)


def query_words(query: str, *, limit: int = 8) -> list[str]:
    """The normalised words of a query that narrow it (stop words dropped), at most `limit` of them."""
    words = [word for word in search_key(query or "").split() if word not in STOP_WORDS]
    return list(dict.fromkeys(words))[:limit]


def search_words(query: str, normalise=search_key) -> list[str]:
    """The distinct words of a query as `normalise` writes them; each must appear in the key."""
    return list(dict.fromkeys(normalise(query).split()))


class SearchKeyField(models.CharField):
    """A column derived from other fields of the row by `search_key`, written on every insert and save.

    `pre_save` runs for `save()` and `bulk_create()` alike (the benchmark and the demo insert in bulk);
    a `save(update_fields=...)` that names a source must name this field too (the model's `save` does).
    """

    def __init__(self, *args, sources: tuple[str, ...] = (), **kwargs):
        self.sources = tuple(sources)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        for key, value in (("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key, value) == value:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = search_key(*(getattr(model_instance, source) or "" for source in self.sources))[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


def with_search_keys(instance, update_fields):
    """`update_fields` completed with the search keys derived from the fields it names (None stays None)."""
    if update_fields is None:
        return None
    names = set(update_fields)
    for field in instance._meta.concrete_fields:
        if isinstance(field, SearchKeyField) and names & set(field.sources):
            names.add(field.name)
    return names
