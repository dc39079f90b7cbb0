"""Yearly targets (issue 19, point 5): what the direction entered, against the year's figures and their trend.

The trend extends the year so far at its own pace: hours worked per day elapsed, and hires per day elapsed for
the people supported. The dynamic-exit rate is compared as it stands (no projection of a share).
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .figures import Period
from .models import Target
from .services import compute


@dataclass(frozen=True)
class Progress:
    key: str
    label: str
    target: Decimal | int
    actual: Decimal | int | None
    projected: Decimal | int | None
    on_track: bool | None  # None: nothing to judge yet (no counted exit)
    percent_of_target: Decimal | None


def _percent(actual, target) -> Decimal | None:
    if actual is None or not target:
        return None
    return (Decimal(actual) * 100 / Decimal(target)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def progress(structure, today: datetime.date | None = None) -> tuple[Target | None, list[Progress]]:
    """The year's targets and where the year stands; (None, []) when no target was entered."""
    today = today or timezone.localdate()
    target = Target.objects.filter(structure=structure, year=today.year).first()
    if target is None:
        return None, []
    year = Period(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))
    result = compute(structure, year, today=today)
    elapsed = (today - year.start).days + 1
    remaining = year.days - elapsed
    rows = []
    if target.people is not None:
        supported, hired = result["supported"].value, result["hired"].value
        projected = supported + round(Decimal(hired) * remaining / elapsed)
        rows.append(
            Progress(
                "people",
                _("Personnes accompagnées"),
                target.people,
                supported,
                projected,
                projected >= target.people,
                _percent(supported, target.people),
            )
        )
    if target.hours is not None:
        hours = result["hours"].value
        projected = (Decimal(hours) * year.days / elapsed).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        rows.append(
            Progress(
                "hours",
                _("Heures travaillées"),
                target.hours,
                hours,
                projected,
                projected >= target.hours,
                _percent(hours, target.hours),
            )
        )
    if target.dynamic_exit_rate is not None:
        rate = result["exits_dynamic"].percent
        rows.append(
            Progress(
                "dynamic",
                _("Taux de sorties dynamiques (%)"),
                target.dynamic_exit_rate,
                rate,
                rate,
                None if rate is None else rate >= target.dynamic_exit_rate,
                None,
            )
        )
    return target, rows


def save_targets(structure, year: int, *, dynamic_exit_rate, people, hours, by) -> Target:
    """Creates or replaces the year's targets, under a row lock against two directors at once."""
    with transaction.atomic():
        target, _created = Target.objects.select_for_update().get_or_create(structure=structure, year=year)
        target.dynamic_exit_rate, target.people, target.hours = dynamic_exit_rate, people, hours
        target.updated_by = by
        target.save()
    return target
