"""Postcodes of the countries Tremplin serves: digits only, 5 in France and Italy, 4 in Belgium.

Checked by the forms (no model validator, so no migration and no surprise on old rows): a form that knows the
structure passes its country; otherwise 4 or 5 digits are accepted.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DIGITS = {"FR": 5, "IT": 5, "BE": 4}
RULES = {
    "FR": _("Code postal : 5 chiffres en France, par exemple 59100."),
    "IT": _("Code postal : 5 chiffres en Italie, par exemple 20121."),
    "BE": _("Code postal : 4 chiffres en Belgique, par exemple 1000."),
}
ANY_COUNTRY = _("Code postal : 4 ou 5 chiffres, par exemple 59100.")


def validate_postcode(value: str, country: str | None = None) -> str:
    """The postcode without surrounding spaces ("" stays ""), or a ValidationError naming the field and the rule."""
    postcode = (value or "").strip()
    if not postcode:
        return ""
    country = (country or "").upper()
    pattern = rf"[0-9]{{{DIGITS[country]}}}" if country in DIGITS else r"[0-9]{4,5}"
    if not re.fullmatch(pattern, postcode, flags=re.ASCII):
        raise ValidationError(RULES.get(country, ANY_COUNTRY), code="invalid_postcode")
    return postcode
