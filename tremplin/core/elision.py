"""French elision of "de" before a name: "la fiche d'Awa", "les consentements d'Inès", but "la fiche de Karim".

Templates keep writing `… de {{ name }}` in their msgids (translators and the English catalogue see one plain
sentence); the project's `{% blocktranslate %}` (tremplin.core.templatetags.i18n_elision) applies `elide_de` to
its French output, with the values it interpolated, so only the "de" right before a name changes.
"""

import re
import unicodedata
from collections.abc import Iterable

VOWELS = "aeiou"


def starts_with_elidable_sound(value: str) -> bool:
    """Whether French writes "d'" rather than "de" before `value`.

    A vowel, accented or not, in any case: "d'Awa", "d'Inès", "d'Élodie". "Y" before a consonant sounds as a
    vowel ("d'Yves"), before a vowel as a consonant ("de Yasmine", "de Yannick"). Names starting with "H" are not
    elided: the aspirated h is common in first names ("de Hamid", "de Hakim") and usage hesitates for the others
    ("de Hugo" / "d'Hugo"), so "de" is the safe, always-understood choice.
    """
    letters = [c for c in unicodedata.normalize("NFD", value[:3].lower()) if not unicodedata.combining(c)]
    if not letters:
        return False
    if letters[0] in VOWELS:
        return True
    return letters[0] == "y" and len(letters) > 1 and letters[1].isalpha() and letters[1] not in VOWELS + "y"


def elide_de(text: str, values: Iterable[str]) -> str:
    """`text` with every "de " (a whole word) right before one of `values` written "d'" when that value calls
    for it. Other words are left alone, including a "de" inside the value itself ("d'Awa de Oliveira")."""
    for value in {str(v) for v in values if v and starts_with_elidable_sound(str(v))}:
        text = re.sub(r"(?<!\w)([Dd])e " + re.escape(value), lambda m, v=value: m.group(1) + "'" + v, text)
    return text


def format_elided(message: str, **values) -> str:
    """`message % values` for a translated message written in Python, elided like the templates' sentences
    when the active language is French: `format_elided(_("Le consentement de %(name)s …"), name=…)`."""
    from django.utils import translation

    text = message % values
    if (translation.get_language() or "").startswith("fr"):
        text = elide_de(text, [str(v) for v in values.values()])
    return text
