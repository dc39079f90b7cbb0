"""Business rules of observations and attendance: dates, acknowledgement, one record per person and day."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AttendanceRecord, Observation


def acknowledge(observation: Observation, *, by) -> Observation:
    """Records who read a flagged observation and when; the first reader's acknowledgement is kept."""
    if observation.acknowledged_at is None:
        observation.acknowledged_at = timezone.now()
        observation.acknowledged_by = by
        observation.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
    return observation


def check_not_in_future(day: datetime.date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("La date ne peut pas être dans le futur.")})


def record_attendance(*, pathways, day: datetime.date, statuses: dict[int, str], by) -> int:
    """Saves the statuses given (pathway pk -> status) for `day`, all or nothing.

    Re-entering a day replaces that day's statuses instead of adding rows.
    Returns the number of records written.
    """
    check_not_in_future(day, "day")
    allowed = {pathway.pk for pathway in pathways}
    unknown = set(statuses) - allowed
    if unknown:
        raise ValidationError({"day": _("Une des personnes ne fait pas partie de votre équipe.")})
    with transaction.atomic():
        existing = {
            record.pathway_id: record
            for record in AttendanceRecord.objects.select_for_update().filter(pathway_id__in=statuses, day=day)
        }
        written = 0
        for pathway_id, status in statuses.items():
            record = existing.get(pathway_id)
            if record is None:
                AttendanceRecord.objects.create(pathway_id=pathway_id, day=day, status=status, recorded_by=by)
            elif record.status != status:
                record.status = status
                record.recorded_by = by
                record.save()
            else:
                continue
            written += 1
    return written
