"""French counts 0 and 1 in the singular: the French catalogues exist for that (make messages)."""

from django.utils import translation
from django.utils.translation import ngettext


def test_zero_takes_the_singular_in_french_and_the_plural_in_english():
    # Any plural pair of the catalogues behaves the same; this one is the overdue-actions alert's shape.
    singular = "%(name)s : %(n)s action du plan est en retard (échéance la plus ancienne : %(date)s)."
    plural = "%(name)s : %(n)s actions du plan sont en retard (échéance la plus ancienne : %(date)s)."
    with translation.override("fr"):
        assert ngettext(singular, plural, 0) == singular
        assert ngettext(singular, plural, 1) == singular
        assert ngettext(singular, plural, 2) == plural
    with translation.override("en"):
        assert "actions in the plan are" in ngettext(singular, plural, 0)
