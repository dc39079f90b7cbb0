"""Words of the interface: counts agree with their number (ngettext), never "suivi(s) enregistré(s)"."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
# A word ending in a bracketed plural mark: "personne(s)", "encadrant·e(s)", "validé(e)".
BRACKETED_PLURAL = re.compile(r"[a-zà-ÿ·]\((?:s|e|es|x)\)")


def _source_texts():
    """Every translatable text of the interface, as the English catalogues list it (CI refreshes them)."""
    for catalogue in [
        BASE / "locale/en/LC_MESSAGES/django.po",
        *BASE.glob("tremplin/*/locale/en/LC_MESSAGES/django.po"),
    ]:
        if not catalogue.exists():
            continue
        text = None
        for line in [*catalogue.read_text().splitlines(), ""]:
            if line.startswith(("msgid ", "msgid_plural ")):
                if text is not None:
                    yield catalogue.relative_to(BASE), text
                text = line.split(" ", 1)[1].strip('"')
            elif line.startswith('"') and text is not None:
                text += line.strip('"')
            elif text is not None:
                yield catalogue.relative_to(BASE), text
                text = None


def test_no_interface_text_writes_a_bracketed_plural():
    offenders = [f"{catalogue}: {text}" for catalogue, text in _source_texts() if BRACKETED_PLURAL.search(text)]
    assert not offenders, "\n".join(offenders)
