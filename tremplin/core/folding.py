"""Text folded for searching: accents, case and punctuation ignored, the same on SQLite and PostgreSQL.

Searches store the folded text in a column (or fold a short list in Python) and match the folded
words of the query with plain `contains`, which both databases run the same way.
"""

from __future__ import annotations

import re
import unicodedata

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

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case, no accents, words of letters and digits separated by single spaces.

    « Agent·e d'entretien des espaces verts » -> « agent e d entretien des espaces verts ».
    """
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def query_words(query: str, *, limit: int = 8) -> list[str]:
    """The folded words of a query that narrow it (stop words dropped), at most `limit` of them."""
    words = [word for word in fold(query).split() if word not in STOP_WORDS]
    return list(dict.fromkeys(words))[:limit]
