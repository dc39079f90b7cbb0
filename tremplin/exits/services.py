"""Recording an exit, its follow-ups at 1, 3 and 6 months, and the exit indicators.

`record_exit` validates everything first (the pathway's state, the category of its
programme, the date against the contracts), then in one transaction ends or completes
the running contract through the contract services, moves the pathway on through
`change_status`, writes the exit and plans the follow-ups. Every refusal is a
ValidationError keyed by form field, and nothing is saved.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.contracts.models import Contract, ContractStatus
from tremplin.contracts.services import complete_contract, end_contract_early
from tremplin.core.dates import add_months
from tremplin.core.visibility import Visibility
from tremplin.pathways.models import Status
from tremplin.pathways.services import change_status
from tremplin.programmes.rules.base import COUNTED_EXIT_GROUPS, ExitGroup

from .models import (
    FOLLOW_UP_EARLY_DAYS,
    FOLLOW_UP_MONTHS,
    SIX_MONTHS,
    Exit,
    ExitReason,
    FollowUp,
    NotCountedBecause,
    Outcome,
)

RUNNING = (ContractStatus.ACTIVE, ContractStatus.SUSPENDED)
# Where a pathway may be when its exit is recorded: leaving a contract, or already out of it
# (the contract was ended on the contract page, or the status was changed before this record existed).
EXIT_FROM = (Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP, Status.CLOSED)


def _day(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


@dataclass(frozen=True)
class ExitInput:
    exit_on: datetime.date | None
    reason: str
    category: str
    destination: str = ""
    job_title: str = ""
    contract_start: datetime.date | None = None
    contract_months: int | None = None
    weekly_hours: Decimal | None = None
    comment: str = ""
    # The person asking knows the running contract ends before its planned date.
    confirm_early_end: bool = False


@dataclass(frozen=True)
class ContractEffect:
    """What recording the exit does to the running contract, said before it is done."""

    contract: Contract | None
    action: str  # "end_early", "complete" or "" (no running contract)


def contracts_of(pathway) -> list[Contract]:
    return list(Contract.objects.filter(pathway=pathway).order_by("start_date", "id"))


def running_contract(contracts: list[Contract]) -> Contract | None:
    running = [c for c in contracts if c.status in RUNNING]
    return running[-1] if running else None


def contract_effect(contracts: list[Contract], exit_on: datetime.date | None) -> ContractEffect:
    contract = running_contract(contracts)
    if contract is None or exit_on is None:
        return ContractEffect(contract, "")
    return ContractEffect(contract, "end_early" if exit_on < contract.planned_end_date else "complete")


def check_exit(pathway, data: ExitInput, *, today: datetime.date, contracts: list[Contract]) -> dict[str, list[str]]:
    """Every rule of an exit; returns the errors by field (empty: the exit may be recorded)."""
    errors: dict[str, list[str]] = {}

    def add(field_name: str, message: str) -> None:
        errors.setdefault(field_name, []).append(message)

    existing = Exit.objects.filter(pathway=pathway).first()
    if existing is not None:
        add(
            NON_FIELD_ERRORS,
            _("La sortie de ce parcours est déjà enregistrée, le %(date)s.") % {"date": _day(existing.exit_on)},
        )
        return errors
    if pathway.status not in EXIT_FROM:
        add(
            NON_FIELD_ERRORS,
            _("Une sortie suit un contrat : ce parcours est au statut « %(status)s ».")
            % {"status": pathway.get_status_display()},
        )
        return errors
    if not contracts:
        add(NON_FIELD_ERRORS, _("Aucun contrat n'a été signé dans ce parcours : il n'y a pas de sortie à enregistrer."))
        return errors

    rules = pathway.programme.rules
    category = rules.exit_category(data.category)
    if category is None:
        add(
            "category",
            _(
                "La situation « %(code)s » n'existe pas pour le dispositif « %(programme)s » ; choisissez-en une de la liste."
            )
            % {"code": data.category, "programme": pathway.programme.get_kind_display()},
        )
    elif (
        category.group in (ExitGroup.LASTING, ExitGroup.TRANSITION, ExitGroup.POSITIVE) and not data.destination.strip()
    ):
        add(
            "destination",
            _("Indiquez l'employeur ou l'organisme de formation pour une sortie en emploi ou en formation."),
        )
    if category is not None:
        for violation in rules.check_exit_contract_length(category, data.contract_months):
            add(violation.field, violation.message)

    if data.reason not in ExitReason.values:
        add("reason", _("Choisissez le motif de départ dans la liste."))

    if data.exit_on is None:
        add("exit_on", _("Indiquez la date de sortie."))
        return errors
    if data.exit_on > today:
        add(
            "exit_on",
            _(
                "La date de sortie ne peut pas être dans le futur (aujourd'hui : %(today)s) : enregistrez la sortie le jour venu."
            )
            % {"today": _day(today)},
        )
    current = running_contract(contracts) or contracts[-1]
    if data.exit_on < current.start_date:
        add(
            "exit_on",
            _("La date de sortie ne peut pas précéder le début du contrat, le %(start)s.")
            % {"start": _day(current.start_date)},
        )
    elif current.status in RUNNING:
        if data.exit_on < current.planned_end_date:
            if data.reason == ExitReason.COMPLETED:
                add(
                    "reason",
                    _(
                        "Le contrat court jusqu'au %(end)s : une sortie le %(date)s est un départ avant terme, choisissez-en le motif."
                    )
                    % {"end": _day(current.planned_end_date), "date": _day(data.exit_on)},
                )
            if not data.confirm_early_end:
                add(
                    "confirm_early_end",
                    _(
                        "Le contrat en cours (%(contract)s) finit le %(end)s : cochez la case pour le rompre à la date de sortie."
                    )
                    % {"contract": current, "end": _day(current.planned_end_date)},
                )
    elif data.exit_on < current.effective_end_date:
        add(
            "exit_on",
            _("Le dernier contrat a pris fin le %(end)s : la sortie ne peut pas être antérieure.")
            % {"end": _day(current.effective_end_date)},
        )
    return errors


def record_exit(pathway, data: ExitInput, *, by, today: datetime.date | None = None) -> Exit:
    """Records the exit, ends or completes the running contract, plans the follow-ups, moves the pathway on."""
    today = today or timezone.localdate()
    contracts = contracts_of(pathway)
    errors = check_exit(pathway, data, today=today, contracts=contracts)
    if errors:
        raise ValidationError(errors)
    rules = pathway.programme.rules
    category = rules.exit_category(data.category)
    entry_on = contracts[0].start_date
    counted, because = rules.exit_is_counted(category, entry_on, data.exit_on)
    effect = contract_effect(contracts, data.exit_on)
    with transaction.atomic():
        if effect.action == "end_early":
            end_contract_early(effect.contract, ended_on=data.exit_on, reason=data.reason, comment="", by=by)
        elif effect.action == "complete":
            complete_contract(effect.contract, by=by, today=today)
        pathway.refresh_from_db(fields=["status", "status_changed_at"])
        if pathway.status == Status.IN_CONTRACT:
            change_status(pathway, Status.EXITED, by=by, reason=_("Sortie enregistrée"))
        exit_record = Exit.objects.create(
            pathway=pathway,
            exit_on=data.exit_on,
            reason=data.reason,
            category=category.code,
            group=category.group,
            is_counted=counted,
            not_counted_because=because or NotCountedBecause.NONE,
            entry_on=entry_on,
            destination=data.destination.strip(),
            job_title=data.job_title.strip(),
            contract_start=data.contract_start,
            contract_months=data.contract_months,
            weekly_hours=data.weekly_hours,
            comment=data.comment.strip(),
            visibility=Visibility.SOCIAL_STAFF_ONLY if category.sensitive else Visibility.WHOLE_TEAM,
            recorded_by=by,
        )
        if category.follow_up:
            FollowUp.objects.bulk_create(
                [
                    FollowUp(exit=exit_record, months=months, due_on=add_months(data.exit_on, months))
                    for months in FOLLOW_UP_MONTHS
                ]
            )
        sentence = _("Sortie : %(category)s") % {"category": category.label}
        if pathway.status == Status.EXITED:
            change_status(pathway, Status.FOLLOW_UP if category.follow_up else Status.CLOSED, by=by, reason=sentence)
        elif pathway.status == Status.FOLLOW_UP and not category.follow_up:
            change_status(pathway, Status.CLOSED, by=by, reason=sentence)
    return exit_record


def record_follow_up(
    follow_up: FollowUp, *, contacted_on: datetime.date | None, outcome: str, note: str, by, today=None
) -> FollowUp:
    """Records one follow-up once; the pathway closes when the last one is recorded."""
    today = today or timezone.localdate()
    with transaction.atomic():
        # Two people recording the same follow-up at once: the second one waits, then is refused.
        follow_up = (
            FollowUp.objects.select_for_update(of=("self",))
            .select_related("exit__pathway", "recorded_by")
            .get(pk=follow_up.pk)
        )
        errors: dict[str, list[str]] = {}
        if follow_up.is_done:
            who = follow_up.recorded_by
            message = (
                _("Ce suivi est déjà enregistré, contact du %(date)s noté par %(who)s.")
                % {"date": _day(follow_up.contacted_on), "who": who}
                if who
                else _("Ce suivi est déjà enregistré, contact du %(date)s.") % {"date": _day(follow_up.contacted_on)}
            )
            raise ValidationError({NON_FIELD_ERRORS: [message]})
        if outcome not in Outcome.values:
            errors.setdefault("outcome", []).append(_("Choisissez la situation de la personne dans la liste."))
        exit_on = follow_up.exit.exit_on
        earliest = max(exit_on, follow_up.due_on - datetime.timedelta(days=FOLLOW_UP_EARLY_DAYS))
        if contacted_on is None:
            errors.setdefault("contacted_on", []).append(_("Indiquez la date du contact."))
        elif contacted_on > today:
            errors.setdefault("contacted_on", []).append(
                _("La date du contact ne peut pas être dans le futur (aujourd'hui : %(today)s).")
                % {"today": _day(today)}
            )
        elif contacted_on < earliest:
            errors.setdefault("contacted_on", []).append(
                _("Le suivi à %(n)s mois, prévu le %(due)s, se fait au plus tôt le %(earliest)s.")
                % {"n": follow_up.months, "due": _day(follow_up.due_on), "earliest": _day(earliest)}
            )
        if errors:
            raise ValidationError(errors)
        follow_up.contacted_on = contacted_on
        follow_up.outcome = outcome
        follow_up.note = note.strip()
        follow_up.recorded_by = by
        follow_up.save()
        pathway = follow_up.exit.pathway
        open_ones = FollowUp.objects.filter(exit=follow_up.exit, outcome="").exists()
        if not open_ones and pathway.status == Status.FOLLOW_UP:
            change_status(pathway, Status.CLOSED, by=by, reason=_("Dernier suivi après sortie enregistré"))
    return follow_up


def next_follow_up(exit_record: Exit, follow_ups: list[FollowUp] | None = None) -> FollowUp | None:
    rows = follow_ups if follow_ups is not None else list(exit_record.follow_ups.all())
    return next((f for f in rows if not f.is_done), None)


# --- Indicators -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    code: str
    label: str
    count: int
    percent: Decimal | None  # None when the denominator is zero


@dataclass
class ExitIndicators:
    start: datetime.date | None
    end: datetime.date | None
    total: int = 0
    counted: int = 0
    not_counted: int = 0
    short_stays: int = 0
    groups: list[Share] = field(default_factory=list)
    # Situation at 6 months: recorded outcomes (with "no answer"), and the 6-month contacts still to make.
    six_months: list[Share] = field(default_factory=list)
    six_months_recorded: int = 0
    six_months_pending: int = 0

    @property
    def dynamic(self) -> Share | None:
        """Lasting + transition + positive: what the French State calls "sorties dynamiques"."""
        return next((g for g in self.groups if g.code == "dynamic"), None)


def _percent(count: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(count) * 100 / total).quantize(Decimal("0.1"))


def exit_indicators(
    structure, *, programme=None, start: datetime.date | None = None, end: datetime.date | None = None
) -> ExitIndicators:
    """Exits of the structure (one programme, or all) dated in [start, end]; two queries.

    Shares are out of the counted exits: non-counted ones (by category or short stay) are shown apart.
    """
    exits = Exit.objects.filter(pathway__structure=structure)
    if programme is not None:
        exits = exits.filter(pathway__programme=programme)
    if start is not None:
        exits = exits.filter(exit_on__gte=start)
    if end is not None:
        exits = exits.filter(exit_on__lte=end)
    rows = exits.order_by().values("group", "is_counted", "not_counted_because").annotate(n=Count("pk"))
    result = ExitIndicators(start=start, end=end)
    per_group: dict[str, int] = {}
    for row in rows:
        result.total += row["n"]
        if row["is_counted"]:
            result.counted += row["n"]
            per_group[row["group"]] = per_group.get(row["group"], 0) + row["n"]
        else:
            result.not_counted += row["n"]
            if row["not_counted_because"] == NotCountedBecause.SHORT_STAY:
                result.short_stays += row["n"]
    result.groups = [
        Share(
            group,
            str(ExitGroup(group).label),
            per_group.get(group, 0),
            _percent(per_group.get(group, 0), result.counted),
        )
        for group in COUNTED_EXIT_GROUPS
    ]
    dynamic = sum(per_group.get(g, 0) for g in (ExitGroup.LASTING, ExitGroup.TRANSITION, ExitGroup.POSITIVE))
    result.groups.append(
        Share(
            "dynamic",
            _("sorties dynamiques (durable, transition, positive)"),
            dynamic,
            _percent(dynamic, result.counted),
        )
    )

    six = (
        FollowUp.objects.filter(exit__in=exits, months=SIX_MONTHS).order_by().values("outcome").annotate(n=Count("pk"))
    )
    per_outcome = {row["outcome"]: row["n"] for row in six}
    result.six_months_pending = per_outcome.pop("", 0)
    result.six_months_recorded = sum(per_outcome.values())
    result.six_months = [
        Share(
            o.value,
            str(o.label),
            per_outcome.get(o.value, 0),
            _percent(per_outcome.get(o.value, 0), result.six_months_recorded),
        )
        for o in Outcome
    ]
    return result


def due_follow_ups_filter(today: datetime.date) -> Q:
    return Q(outcome="", due_on__lte=today)
