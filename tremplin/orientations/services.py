"""Rules of orientations and shares: consent first, dated steps, news expected, feedback into the plan.

Views never change a status themselves: `orient`, `change_status`, `share_pathway`, `end_share` and
`apply_feedback` validate everything, then write in one transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.consent.models import Consent, ConsentKind
from tremplin.consent.services import give_consent, has_consent
from tremplin.core.derived_visibility import orientation_source_level
from tremplin.core.visibility import Visibility, is_looser
from tremplin.partners.models import PartnerOrganisation, PartnerService
from tremplin.pathways.models import ACTIVE_STATUSES

from .models import (
    AWAITING_NEWS,
    DEFAULT_NO_NEWS_DAYS,
    Orientation,
    OrientationSettings,
    OrientationStatus,
    OrientationStep,
    Share,
    SharedItem,
)

# --- Settings -----------------------------------------------------------------------------------


def settings_for(structure) -> OrientationSettings:
    """The structure's settings, or the defaults unsaved (reading never writes)."""
    found = OrientationSettings.objects.filter(structure=structure).first()
    return found or OrientationSettings(structure=structure, no_news_days=DEFAULT_NO_NEWS_DAYS)


def save_settings(structure, *, no_news_days: int) -> OrientationSettings:
    if not 1 <= int(no_news_days) <= 365:
        raise ValidationError({"no_news_days": _("Jours sans nouvelles : entre 1 et 365 jours.")})
    with transaction.atomic():
        current, _created = OrientationSettings.objects.update_or_create(
            structure=structure, defaults={"no_news_days": int(no_news_days)}
        )
        # Orientations waiting for news follow the new delay at once.
        for orientation in Orientation.objects.filter(pathway__structure=structure, status__in=AWAITING_NEWS):
            due = news_due(orientation, current.no_news_days)
            if due != orientation.news_due_on:
                Orientation.objects.filter(pk=orientation.pk).update(news_due_on=due)
    return current


def news_due(orientation: Orientation, days: int) -> datetime.date | None:
    """When the partner's silence becomes worth an alert: `days` after the last step, or after the appointment."""
    if orientation.status not in AWAITING_NEWS:
        return None
    start = orientation.status_changed_on
    if orientation.status == OrientationStatus.APPOINTMENT_TAKEN and orientation.appointment_on:
        start = max(start, orientation.appointment_on)
    return start + datetime.timedelta(days=days)


# --- Consent --------------------------------------------------------------------------------------


def consent_refusal(person, organisation: PartnerOrganisation) -> str:
    return _(
        "Consentement : %(person)s n'a pas donné d'accord en cours pour partager ses données avec "
        "« %(partner)s ». Recueillez son accord (et cochez la case prévue) avant d'orienter ou de partager."
    ) % {"person": person.full_name, "partner": organisation.name}


def _check_items(items) -> list[str]:
    items = list(dict.fromkeys(items or []))
    if not items:
        raise ValidationError({"shared_items": _("Ce qui est partagé : cochez au moins un élément.")})
    if any(item not in SharedItem.values for item in items):
        raise ValidationError({"shared_items": _("Ce qui est partagé : choisissez les éléments dans la liste.")})
    return items


def _ensure_consent(pathway, organisation, *, record_consent: bool, items: list[str], by, on: datetime.date) -> None:
    person = pathway.person
    if has_consent(person, ConsentKind.SHARE_WITH_PARTNER, partner_name=organisation.name):
        return
    if not record_consent:
        raise ValidationError({"record_consent": consent_refusal(person, organisation)})
    give_consent(
        person,
        kind=ConsentKind.SHARE_WITH_PARTNER,
        partner_name=organisation.name,
        given_on=on,
        by=by,
        scope=", ".join(str(SharedItem(item).label) for item in items),
    )


# --- Shares ---------------------------------------------------------------------------------------


def share_pathway(*, pathway, organisation: PartnerOrganisation, items, by, orientation=None, record_consent=False):
    """Opens (or widens) the pathway's summary to a partner; needs the person's consent for that partner."""
    items = _check_items(items)
    today = timezone.localdate()
    if pathway.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Ce parcours est clos : il ne peut plus être partagé."))
    if not PartnerOrganisation.objects.in_directory_of(pathway.structure).filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("Partenaire : choisissez un partenaire de votre annuaire.")})
    with transaction.atomic():
        _ensure_consent(pathway, organisation, record_consent=record_consent, items=items, by=by, on=today)
        share = Share.objects.select_for_update().filter(pathway=pathway, organisation=organisation).current().first()
        if share is None:
            return Share.objects.create(
                pathway=pathway,
                organisation=organisation,
                items=items,
                orientation=orientation,
                started_on=today,
                created_by=by,
            )
        merged = list(dict.fromkeys([*share.items, *items]))
        if merged != share.items or (orientation and share.orientation_id is None):
            share.items = merged
            share.orientation = share.orientation or orientation
            share.save(update_fields=["items", "orientation", "updated_at"])
        return share


def end_share(share: Share, *, by) -> Share:
    if share.ended_on is not None:
        raise ValidationError(_("Ce partage est déjà arrêté."))
    share.ended_on = timezone.localdate()
    share.ended_by = by
    share.save(update_fields=["ended_on", "ended_by", "updated_at"])
    return share


def active_shares(organisation: PartnerOrganisation, on: datetime.date | None = None) -> QuerySet[Share]:
    """Shares a partner may read today: not ended, pathway still open, consent for this partner still active.
    Checked in the query itself, so a withdrawal or a closing hides the pathway at once."""
    on = on or timezone.localdate()
    return (
        Share.objects.current()
        .filter(organisation=organisation, pathway__status__in=ACTIVE_STATUSES)
        .filter(
            Exists(
                Consent.objects.filter(
                    person=OuterRef("pathway__person"),
                    kind=ConsentKind.SHARE_WITH_PARTNER,
                    partner_name__iexact=organisation.name,
                ).active_on(on)
            )
        )
    )


def share_is_active(share: Share) -> bool:
    return (
        share.ended_on is None
        and share.pathway.status in ACTIVE_STATUSES
        and has_consent(share.pathway.person, ConsentKind.SHARE_WITH_PARTNER, partner_name=share.organisation.name)
    )


# --- Orientations ---------------------------------------------------------------------------------


def _check_date(on: datetime.date, *, not_before: datetime.date | None = None) -> None:
    if on > timezone.localdate():
        raise ValidationError({"on": _("Date : elle ne peut pas être dans le futur.")})
    if not_before and on < not_before:
        raise ValidationError(
            {
                "on": _("Date : elle ne peut pas précéder l'étape précédente (%(date)s).")
                % {"date": date_format(not_before, "SHORT_DATE_FORMAT")}
            }
        )


def orient(
    *,
    pathway,
    service: PartnerService,
    reason: str,
    shared_items,
    by,
    barrier=None,
    action=None,
    record_consent: bool = False,
    send: bool = False,
    visibility_choice: str = "",
) -> Orientation:
    """Orients the person to a partner's service. Refused with the reason when the person has not agreed to
    share with that partner (unless the member records the agreement now)."""
    errors: dict[str, list] = {}
    organisation = service.organisation
    if not (reason or "").strip():
        errors["reason"] = [_("Motif : expliquez pourquoi la personne est orientée vers ce partenaire.")]
    if not PartnerOrganisation.objects.in_directory_of(pathway.structure).filter(pk=organisation.pk).exists():
        errors["service"] = [_("Service : choisissez un service d'un partenaire de votre annuaire.")]
    if barrier is not None and barrier.pathway_id != pathway.pk:
        errors["barrier"] = [_("Frein lié : ce frein appartient à un autre parcours.")]
    if action is not None and action.plan.pathway_id != pathway.pk:
        errors["action"] = [_("Action liée : cette action appartient à un autre parcours.")]
    if pathway.status not in ACTIVE_STATUSES:
        errors["__all__"] = [_("Ce parcours est clos : on ne peut plus orienter la personne.")]
    if visibility_choice and not errors:
        if visibility_choice not in Visibility.values:
            errors["visibility_choice"] = [_("Visibilité : choisissez un des niveaux proposés.")]
        else:
            draft = Orientation(
                pathway=pathway, service=service, organisation=organisation, barrier=barrier, action=action
            )
            floor = orientation_source_level(draft)
            if is_looser(visibility_choice, floor):
                errors["visibility_choice"] = [
                    _(
                        "Visibilité : elle ne peut pas être plus large que « %(level)s », le niveau du frein, "
                        "de l'action ou du partenaire concernés."
                    )
                    % {"level": Visibility(floor).label}
                ]
    if errors:
        raise ValidationError(errors)
    items = _check_items(shared_items)
    today = timezone.localdate()
    with transaction.atomic():
        _ensure_consent(pathway, organisation, record_consent=record_consent, items=items, by=by, on=today)
        orientation = Orientation.objects.create(
            pathway=pathway,
            service=service,
            organisation=organisation,
            barrier=barrier,
            action=action,
            reason=reason.strip(),
            visibility_choice=visibility_choice,
            shared_items=items,
            status=OrientationStatus.PROPOSED,
            status_changed_on=today,
            created_by=by,
        )
        OrientationStep.objects.create(
            orientation=orientation, from_status="", to_status=OrientationStatus.PROPOSED, on=today, by=by
        )
        if send:
            change_status(orientation, OrientationStatus.SENT, by=by)
    return orientation


def change_status(
    orientation: Orientation,
    status: str,
    *,
    by,
    on: datetime.date | None = None,
    note: str = "",
    appointment_on: datetime.date | None = None,
    outcome: str = "",
    by_partner: bool = False,
) -> OrientationStep:
    """Moves the orientation one step, dated, with who and why. Sending opens the summary to the partner."""
    on = on or timezone.localdate()
    if status not in OrientationStatus.values or not orientation.can_move_to(status):
        allowed = ", ".join(str(OrientationStatus(s).label) for s in sorted(orientation_transitions(orientation)))
        raise ValidationError(
            {
                "status": _("Statut : une orientation « %(current)s » ne peut passer qu'à : %(allowed)s.")
                % {"current": orientation.get_status_display(), "allowed": allowed or _("aucun autre statut")}
            }
        )
    _check_date(on, not_before=orientation.status_changed_on)
    if status == OrientationStatus.APPOINTMENT_TAKEN and appointment_on is None:
        raise ValidationError({"appointment_on": _("Date du rendez-vous : indiquez la date convenue.")})
    if status in (OrientationStatus.REFUSED, OrientationStatus.DROPPED) and not (note or outcome).strip():
        raise ValidationError({"note": _("Commentaire : indiquez pourquoi, pour que l'équipe puisse rebondir.")})
    pathway = orientation.pathway
    with transaction.atomic():
        if status == OrientationStatus.SENT:
            if not has_consent(
                pathway.person, ConsentKind.SHARE_WITH_PARTNER, partner_name=orientation.organisation.name
            ):
                raise ValidationError({"status": consent_refusal(pathway.person, orientation.organisation)})
            share_pathway(
                pathway=pathway,
                organisation=orientation.organisation,
                items=orientation.shared_items,
                by=by,
                orientation=orientation,
            )
        step = OrientationStep.objects.create(
            orientation=orientation,
            from_status=orientation.status,
            to_status=status,
            on=on,
            by=by,
            by_partner=by_partner,
            note=(note or "").strip(),
        )
        orientation.status = status
        orientation.status_changed_on = on
        if appointment_on is not None:
            orientation.appointment_on = appointment_on
        if outcome.strip():
            orientation.outcome = outcome.strip()
        orientation.news_due_on = news_due(orientation, settings_for(pathway.structure).no_news_days)
        orientation.save(
            update_fields=["status", "status_changed_on", "appointment_on", "outcome", "news_due_on", "updated_at"]
        )
    return step


def orientation_transitions(orientation: Orientation) -> set[str]:
    from .models import TRANSITIONS

    return set(TRANSITIONS[orientation.status])


# --- Feedback into the diagnosis and the plan -----------------------------------------------------


@dataclass
class Feedback:
    """What a finished orientation suggests for its barrier and its action."""

    barrier: object | None = None
    barrier_statuses: list[tuple[str, str]] = field(default_factory=list)
    action: object | None = None


def feedback_for(orientation: Orientation) -> Feedback:
    from tremplin.action_plan.models import OPEN_ACTION_STATUSES
    from tremplin.barriers.models import ACTIVE_STATUSES as BARRIER_ACTIVE
    from tremplin.barriers.models import BarrierStatus

    feedback = Feedback()
    if orientation.status != OrientationStatus.DONE:
        return feedback
    barrier = orientation.barrier
    if barrier is not None and barrier.status in BARRIER_ACTIVE:
        feedback.barrier = barrier
        feedback.barrier_statuses = [
            (s.value, str(s.label))
            for s in (BarrierStatus.LIFTED, BarrierStatus.BEING_WORKED_ON)
            if s.value != barrier.status
        ]
    if orientation.action is not None and orientation.action.status in OPEN_ACTION_STATUSES:
        feedback.action = orientation.action
    return feedback


def apply_feedback(
    orientation: Orientation, *, by, barrier_status: str = "", mark_action_done: bool = False
) -> list[str]:
    """Moves the linked barrier (through the diagnosis' own service) and marks the linked action done.
    Returns the sentences of what was done."""
    from tremplin.action_plan.models import ActionStatus
    from tremplin.barriers.services import update_barrier

    feedback = feedback_for(orientation)
    done: list[str] = []
    with transaction.atomic():
        if barrier_status:
            if feedback.barrier is None or barrier_status not in dict(feedback.barrier_statuses):
                raise ValidationError({"barrier_status": _("Frein : choisissez une des suites proposées.")})
            update_barrier(
                feedback.barrier,
                status=barrier_status,
                severity=feedback.barrier.severity,
                note=_("Après l'orientation vers %(partner)s.") % {"partner": orientation.organisation.name},
                by=by,
            )
            done.append(_("Le frein a été mis à jour."))
        if mark_action_done:
            action = feedback.action
            if action is None:
                raise ValidationError({"mark_action_done": _("Action : il n'y a pas d'action en cours à clore.")})
            # The action plan has no status service: the action is saved as its edit form does (history kept).
            action.status = ActionStatus.DONE
            if not action.outcome:
                action.outcome = _("Orientation réalisée auprès de %(partner)s.") % {
                    "partner": orientation.organisation.name
                }
            action.save(update_fields=["status", "outcome", "updated_at"])
            done.append(_("L'action du plan est notée comme réalisée."))
    return done


# --- Who does what ----------------------------------------------------------------------------------


@dataclass
class Actor:
    role: str
    name: str
    detail: str = ""
    phone: str = ""
    email: str = ""


def who_does_what(pathway, visibilities) -> list[Actor]:
    """Référent·e, technical supervisor, job coaches, partners with open orientations, prescriber, with contacts.
    Only the orientations at a level in `visibilities`: a partner's name can say too much (decision 0008)."""
    from tremplin.accounts.models import User
    from tremplin.accounts.roles import Role
    from tremplin.partners.models import normalised

    actors: list[Actor] = []

    def staff(role: str, user, detail: str = "") -> None:
        if user is not None:
            actors.append(Actor(role, user.get_full_name() or user.email, detail, user.phone, user.email))

    staff(_("Référent·e"), pathway.referent)
    staff(_("Encadrant·e technique"), pathway.supervisor, pathway.worksite.name if pathway.worksite_id else "")
    coaches = User.objects.filter(
        memberships__structure=pathway.structure, memberships__role=Role.JOB_COACH, memberships__is_active=True
    ).order_by("last_name", "first_name")
    for coach in coaches:
        staff(_("Chargé·e de relations entreprises"), coach)
    orientations = (
        pathway.orientations.open()
        .visible_to(visibilities)
        .select_related("organisation", "service")
        .prefetch_related("organisation__contacts")
        .order_by("created_at")
    )
    for orientation in orientations:
        organisation = orientation.organisation
        contact = next(iter(organisation.contacts.all()), None)
        actors.append(
            Actor(
                _("Partenaire (orientation %(status)s)") % {"status": orientation.get_status_display()},
                organisation.name,
                f"{orientation.service.name}" + (f" — {contact.name}, {contact.role}".rstrip(", ") if contact else ""),
                (contact.phone if contact and contact.phone else organisation.phone),
                (contact.email if contact and contact.email else organisation.email),
            )
        )
    if pathway.referral_source:
        prescriber = (
            PartnerOrganisation.objects.in_directory_of(pathway.structure)
            .filter(normalised_name=normalised(pathway.referral_source))
            .prefetch_related("contacts")
            .first()
        )
        contact = next(iter(prescriber.contacts.all()), None) if prescriber else None
        actors.append(
            Actor(
                _("Prescripteur"),
                pathway.referral_source,
                f"{contact.name}, {contact.role}".rstrip(", ") if contact else "",
                (contact.phone if contact and contact.phone else (prescriber.phone if prescriber else "")),
                (contact.email if contact and contact.email else (prescriber.email if prescriber else "")),
            )
        )
    return actors
