"""Rules of the diagnosis of barriers: identifying, following over time, the person's ranking.

Views never set a barrier's status or severity themselves: every change goes through
`update_barrier`, which writes the dated BarrierChange the review and timeline read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ACTIVE_STATUSES, Barrier, BarrierChange, BarrierDomain, BarrierStatus


def _check_not_future(field: str, on: datetime.date) -> None:
    if on > timezone.localdate():
        raise ValidationError({field: _("Date : elle ne peut pas être dans le futur.")})


def identify_barrier(
    *,
    pathway,
    domain: str,
    by,
    description: str = "",
    severity: int = 2,
    on: datetime.date | None = None,
    visibility: str = "",
) -> Barrier:
    """Records a barrier and its identification step (the entry state the review compares with)."""
    on = on or timezone.localdate()
    _check_not_future("identified_on", on)
    with transaction.atomic():
        barrier = Barrier.objects.create(
            pathway=pathway,
            domain=domain,
            description=description,
            severity=severity,
            identified_on=on,
            status_changed_on=on,
            visibility=visibility,
            created_by=by,
        )
        BarrierChange.objects.create(
            barrier=barrier,
            changed_on=on,
            by=by,
            from_status="",
            to_status=barrier.status,
            from_severity=None,
            to_severity=severity,
        )
    return barrier


def update_barrier(
    barrier: Barrier, *, status: str, severity: int, note: str = "", by, on: datetime.date | None = None
) -> BarrierChange:
    """Moves a barrier to a new status and/or severity, dated, with who and why.

    A change that changes nothing is refused, so the history only holds real steps.
    A barrier that is no longer active (lifted) leaves the person's ranking.
    """
    on = on or timezone.localdate()
    errors: dict[str, list] = {}
    if status not in BarrierStatus.values:
        errors["status"] = [_("Statut : choisissez un statut de la liste.")]
    if on > timezone.localdate():
        errors["on"] = [_("Date : elle ne peut pas être dans le futur.")]
    elif on < barrier.identified_on:
        errors["on"] = [
            _("Date : elle ne peut pas précéder l'identification du frein (%(date)s).")
            % {"date": date_format(barrier.identified_on, "SHORT_DATE_FORMAT")}
        ]
    if errors:
        raise ValidationError(errors)
    if status == barrier.status and int(severity) == barrier.severity:
        raise ValidationError(_("Aucun changement à enregistrer : le statut et le niveau sont les mêmes qu'avant."))
    with transaction.atomic():
        change = BarrierChange.objects.create(
            barrier=barrier,
            changed_on=on,
            by=by,
            from_status=barrier.status,
            to_status=status,
            from_severity=barrier.severity,
            to_severity=int(severity),
            note=note.strip(),
        )
        fields = ["severity", "updated_at"]
        if status != barrier.status:
            barrier.status = status
            barrier.status_changed_on = on
            fields += ["status", "status_changed_on"]
            if status not in ACTIVE_STATUSES:
                barrier.person_priority = None
                fields.append("person_priority")
        barrier.severity = int(severity)
        barrier.save(update_fields=fields)
    return change


@dataclass(frozen=True)
class ReviewRow:
    barrier: Barrier
    entry_status: str
    entry_severity: int | None
    entry_on: datetime.date
    changes: list

    @property
    def entry_status_display(self) -> str:
        return BarrierStatus(self.entry_status).label if self.entry_status else ""

    @property
    def was_lifted(self) -> bool:
        return self.barrier.status == BarrierStatus.LIFTED


def entry_and_current(pathway, *, visibilities=None) -> list[ReviewRow]:
    """Each barrier with its state at first identification and its state now (two queries).

    `visibilities` limits the barriers to the levels the reader may see.
    """
    barriers = pathway.barriers.prefetch_related("changes__by").order_by("identified_on", "domain", "id")
    if visibilities is not None:
        barriers = barriers.visible_to(visibilities)
    rows = []
    for barrier in barriers:
        changes = list(barrier.changes.all())
        first = changes[0] if changes else None
        rows.append(
            ReviewRow(
                barrier=barrier,
                entry_status=first.to_status if first else barrier.status,
                entry_severity=first.to_severity if first else barrier.severity,
                entry_on=first.changed_on if first else barrier.identified_on,
                changes=changes,
            )
        )
    return rows


def rank_barriers(pathway, ranking: dict[int, int | None]) -> None:
    """Saves the person's ranking of their active barriers (`{barrier pk: rank or None}`).

    Ranks go from 1 (matters most) to the number of active barriers, each rank once.
    Errors are keyed `priority_<public id>` as in the ranking form.
    """
    active = {b.pk: b for b in pathway.barriers.active()}
    n = len(active)
    errors: dict[str, list] = {}
    seen: dict[int, list[Barrier]] = {}
    for pk, rank in ranking.items():
        barrier = active.get(pk)
        if barrier is None:
            raise ValidationError(_("Classement : un des freins n'est plus à traiter ; rechargez la page."))
        if rank is None:
            continue
        if not 1 <= rank <= n:
            errors[f"priority_{barrier.public_id}"] = [_("Priorité : choisissez un rang entre 1 et %(n)s.") % {"n": n}]
        seen.setdefault(rank, []).append(barrier)
    for rank, barriers in seen.items():
        if len(barriers) > 1:
            names = ", ".join(str(b.get_domain_display()) for b in barriers)
            for barrier in barriers:
                errors.setdefault(f"priority_{barrier.public_id}", []).append(
                    _(
                        "Priorité : le rang %(rank)s est donné à plusieurs freins (%(names)s) ; chaque rang une seule fois."
                    )
                    % {"rank": rank, "names": names}
                )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for pk, rank in ranking.items():
            barrier = active[pk]
            if barrier.person_priority != rank:
                barrier.person_priority = rank
                barrier.save(update_fields=["person_priority", "updated_at"])


@dataclass(frozen=True)
class DomainIndicator:
    domain: str
    label: str
    total: int
    active: int
    lifted: int


def domain_indicators(structure, *, visibilities) -> list[DomainIndicator]:
    """Barriers of the structure's pathways per domain: identified in all, still to act on, lifted (one query).

    Only the barriers of the levels the reader may see are counted; domains with none are left out.
    """
    from django.db.models import Count, Q

    rows = {
        row["domain"]: row
        for row in Barrier.objects.filter(pathway__structure=structure)
        .visible_to(visibilities)
        .values("domain")
        .annotate(
            total=Count("id"),
            active=Count("id", filter=Q(status__in=ACTIVE_STATUSES)),
            lifted=Count("id", filter=Q(status=BarrierStatus.LIFTED)),
        )
        .order_by()
    }
    return [
        DomainIndicator(value, str(label), rows[value]["total"], rows[value]["active"], rows[value]["lifted"])
        for value, label in BarrierDomain.choices
        if value in rows
    ]
