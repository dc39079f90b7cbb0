"""Mobile numbers for SMS: parsed with `phonenumbers` in French, Belgian and Italian formats, kept in E.164."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

REGIONS = {"FR": "FR", "BE": "BE", "IT": "IT"}
ACCEPTED = {"FR", "BE", "IT"}


def to_e164(raw: str, country: str = "FR", field: str = "mobile") -> str:
    """'06 12 34 56 78' → '+33612345678'; refuses what is not a valid mobile number of France, Belgium or Italy."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, REGIONS.get(country, "FR"))
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {
                field: _(
                    "Numéro de portable : « %(raw)s » n'est pas un numéro valide (exemples : 06 12 34 56 78, "
                    "+32 470 12 34 56, +39 312 345 6789)."
                )
                % {"raw": raw}
            }
        )
    if phonenumbers.region_code_for_number(number) not in ACCEPTED:
        raise ValidationError(
            {field: _("Numéro de portable : seuls les numéros de France, de Belgique et d'Italie sont acceptés.")}
        )
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError({field: _("Numéro de portable : ce numéro est un fixe, il ne peut pas recevoir de SMS.")})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def readable(e164: str) -> str:
    if not e164:
        return ""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
