"""Rules of the action plan: creating actions and objectives, dates, plan reviews."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.action_plan.models import Action, ActionPlan, Objective, OwnerKind, PlanReview, Section
from tremplin.core.visibility import Visibility, visible_q

ACTIVE_CONTRACT_STATUSES = ("planned", "active", "suspended")


def get_or_create_plan(pathway) -> ActionPlan:
    plan, _created = ActionPlan.objects.get_or_create(pathway=pathway)
    return plan


def current_contract_end(pathway) -> datetime.date | None:
    """Planned end of the pathway's current contract (the latest one not ended or renewed)."""
    from tremplin.contracts.models import Contract

    return (
        Contract.objects.filter(pathway=pathway, status__in=ACTIVE_CONTRACT_STATUSES)
        .order_by("-start_date")
        .values_list("planned_end_date", flat=True)
        .first()
    )


def due_date_warning(pathway, due_date: datetime.date | None) -> str:
    """A warning (not an error) when an action falls after the current contract's planned end."""
    if due_date is None:
        return ""
    end = current_contract_end(pathway)
    if end and due_date > end:
        return gettext(
            "Échéance : l'action est prévue le %(due)s, après la fin prévue du contrat en cours (%(end)s). "
            "Elle est enregistrée ; pensez à la relier à la sortie."
        ) % {"due": date_format(due_date, "SHORT_DATE_FORMAT"), "end": date_format(end, "SHORT_DATE_FORMAT")}
    return ""


PARTNER_MISSING = _(
    "Partenaire de l'annuaire : choisissez le partenaire qui porte l'action, ou nommez un autre prestataire."
)
PARTNER_TWICE = _(
    "Autre prestataire (nom) : laissez-le vide quand un partenaire de l'annuaire est choisi (l'un ou l'autre)."
)
PARTNER_OUTSIDE_DIRECTORY = _("Partenaire de l'annuaire : choisissez un partenaire de l'annuaire de votre structure.")
ORIENTATION_OF_ANOTHER_PATHWAY = _("Issue de l'orientation : choisissez une orientation de cette personne.")


def check_owner(owner_kind: str, owner_user, owner_partner_name: str, *, structure=None, owner_partner=None) -> None:
    """Who carries the action: a member of the structure, or a partner of its directory or an outside
    provider named in free text, never both (decision 0013)."""
    from tremplin.partners.models import PartnerOrganisation

    errors: dict[str, list] = {}
    name = (owner_partner_name or "").strip()
    if owner_kind == OwnerKind.STAFF and owner_user is None:
        errors["owner_user"] = [_("Membre de l'équipe : choisissez qui porte l'action.")]
    if owner_kind == OwnerKind.PARTNER and owner_partner is None and not name:
        errors["owner_partner"] = [PARTNER_MISSING]
    if owner_kind == OwnerKind.PARTNER and owner_partner is not None and name:
        errors["owner_partner_name"] = [PARTNER_TWICE]
    if owner_kind == OwnerKind.PARTNER and owner_partner is not None and structure is not None:
        if not PartnerOrganisation.objects.in_directory_of(structure).filter(pk=owner_partner.pk).exists():
            errors["owner_partner"] = [PARTNER_OUTSIDE_DIRECTORY]
    if owner_kind == OwnerKind.STAFF and owner_user is not None and structure is not None:
        if not owner_user.memberships.filter(structure=structure, is_active=True).exists():
            errors["owner_user"] = [_("Membre de l'équipe : cette personne ne fait pas partie de la structure.")]
    if errors:
        raise ValidationError(errors)


def add_action(
    *,
    pathway,
    section: str,
    title: str,
    by,
    kind: str = "",
    objective: Objective | None = None,
    owner_kind: str = OwnerKind.STAFF,
    owner_user=None,
    owner_partner_name: str = "",
    owner_partner=None,
    orientation=None,
    due_date: datetime.date | None = None,
) -> Action:
    """Adds an action to the pathway's plan, creating the plan if it does not exist yet.

    A new action is never due in the past: it would be born overdue.
    With no owner given for a staff action, the author carries it.
    """
    errors: dict[str, list] = {}
    if section not in Section.values:
        errors["section"] = [_("Rubrique : choisissez une rubrique du plan.")]
    if not (title or "").strip():
        errors["title"] = [_("Action : décrivez l'action en quelques mots.")]
    if due_date is not None and due_date < timezone.localdate():
        errors["due_date"] = [_("Échéance : une nouvelle action ne peut pas être due à une date passée.")]
    if objective is not None and objective.plan.pathway_id != pathway.pk:
        errors["objective"] = [_("Objectif : cet objectif appartient à un autre parcours.")]
    if orientation is not None and orientation.pathway_id != pathway.pk:
        errors["orientation"] = [ORIENTATION_OF_ANOTHER_PATHWAY]
    if errors:
        raise ValidationError(errors)
    if owner_kind == OwnerKind.STAFF and owner_user is None:
        owner_user = by
    # Someone else named as owner must work in the person's structure; a partner must be in its directory.
    check_owner(
        owner_kind,
        owner_user,
        owner_partner_name,
        structure=pathway.structure if owner_user != by or owner_kind == OwnerKind.PARTNER else None,
        owner_partner=owner_partner,
    )
    with transaction.atomic():
        plan = get_or_create_plan(pathway)
        last = plan.actions.aggregate(last=Max("position"))["last"]
        return Action.objects.create(
            plan=plan,
            position=(last or 0) + 1,
            objective=objective,
            section=section,
            title=title.strip(),
            kind=kind,
            owner_kind=owner_kind,
            owner_user=owner_user if owner_kind == OwnerKind.STAFF else None,
            owner_partner_name=owner_partner_name.strip() if owner_kind == OwnerKind.PARTNER else "",
            owner_partner=owner_partner if owner_kind == OwnerKind.PARTNER else None,
            orientation=orientation,
            due_date=due_date,
            created_by=by,
        )


def check_target_date(plan: ActionPlan, target_date: datetime.date | None) -> None:
    if target_date and plan.agreed_on and target_date < plan.agreed_on:
        raise ValidationError(
            {
                "target_date": [
                    _("Échéance : elle ne peut pas précéder la date d'accord du plan (%(date)s).")
                    % {"date": date_format(plan.agreed_on, "SHORT_DATE_FORMAT")}
                ]
            }
        )


def add_objective(*, pathway, text: str, by, barriers=(), **fields) -> Objective:
    """Adds an objective to the pathway's plan (created if missing); its target date follows the agreement.
    Its barriers are the person's own; linking them levels the objective (m2m_changed, decision 0013)."""
    if not (text or "").strip():
        raise ValidationError({"text": [_("Objectif : décrivez l'objectif convenu avec la personne.")]})
    barriers = list(barriers or ())
    if any(barrier.pathway_id != pathway.pk for barrier in barriers):
        raise ValidationError({"barriers": [_("Freins liés : choisissez des freins du diagnostic de cette personne.")]})
    with transaction.atomic():
        plan = get_or_create_plan(pathway)
        check_target_date(plan, fields.get("target_date"))
        objective = Objective.objects.create(plan=plan, text=text.strip(), created_by=by, **fields)
        if barriers:
            objective.barriers.set(barriers)
        return objective


def changes_since(plan: ActionPlan, since: datetime.datetime | None, visibilities=None) -> list[str]:
    """What changed in the plan since a moment, read from the history rows: one sentence per change.
    With `visibilities`, only the objectives and actions at those levels (decision 0008)."""
    from django.utils.translation import gettext as t

    lines: list[tuple[datetime.datetime, str]] = []
    phrases = {
        Objective: (t("Objectif"), t("Objectif ajouté : « %(name)s »"), t("Objectif supprimé : « %(name)s »")),
        Action: (t("Action"), t("Action ajoutée : « %(name)s »"), t("Action supprimée : « %(name)s »")),
    }
    for model, (label, added, removed) in phrases.items():
        history = model.history.model.objects.filter(plan_id=plan.pk)
        if visibilities is not None:
            # The level then and the level now: a barrier made social-only later hides its past lines too.
            hidden_now = model.objects.filter(plan_id=plan.pk).exclude(visible_q(visibilities))
            history = history.filter(visible_q(visibilities)).exclude(id__in=hidden_now.values("pk"))
        if since is not None:
            history = history.filter(history_date__gt=since)
        rows = list(history.order_by("id", "history_date", "history_id"))
        ids = {row.id for row in rows}
        # The last version of each record before the window, to know the status it had.
        previous: dict[int, str] = {}
        if since is not None and ids:
            for row in model.history.model.objects.filter(id__in=ids, history_date__lte=since).order_by(
                "id", "history_date", "history_id"
            ):
                previous[row.id] = row.status
        status_labels = dict(model._meta.get_field("status").flatchoices)
        name_field = "text" if model is Objective else "title"
        for row in rows:
            name = getattr(row, name_field)[:80]
            if row.history_type == "+":
                lines.append((row.history_date, added % {"name": name}))
            elif row.history_type == "-":
                lines.append((row.history_date, removed % {"name": name}))
            elif row.id in previous and previous[row.id] != row.status:
                lines.append(
                    (
                        row.history_date,
                        t("%(label)s « %(name)s » : %(old)s → %(new)s")
                        % {
                            "label": label,
                            "name": name,
                            "old": status_labels.get(previous[row.id], previous[row.id]),
                            "new": status_labels.get(row.status, row.status),
                        },
                    )
                )
            previous[row.id] = row.status
    lines.sort(key=lambda item: item[0])
    return [text for _date, text in lines]


def record_review(
    *, pathway, reviewed_on: datetime.date, summary: str, by, next_review_on: datetime.date | None = None
) -> PlanReview:
    """Records a dated review with the changes since the previous one; a review with nothing to say is refused."""
    errors: dict[str, list] = {}
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = [_("Date de la revue : elle ne peut pas être dans le futur.")]
    if next_review_on and next_review_on <= reviewed_on:
        errors["next_review_on"] = [_("Prochaine revue : elle doit être postérieure à la date de la revue.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=get_or_create_plan(pathway).pk)
        last = plan.reviews.order_by("-created_at", "-id").first()
        since = last.created_at if last else None
        changes = changes_since(plan, since)
        # Lines about objectives and actions kept for the social staff are stored apart (decision 0008).
        team = changes_since(plan, since, {Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS})
        restricted = [line for line in changes if line not in team]
        if not changes and not (summary or "").strip():
            raise ValidationError(
                {
                    "summary": [
                        _(
                            "Rien à enregistrer : le plan n'a pas changé depuis la dernière revue. "
                            "Décrivez ce qui a été constaté avec la personne dans « ce qui a changé »."
                        )
                    ]
                }
            )
        return PlanReview.objects.create(
            plan=plan,
            reviewed_on=reviewed_on,
            summary=(summary or "").strip(),
            changes=team,
            restricted_changes=restricted,
            next_review_on=next_review_on,
            reviewed_by=by,
        )


def plan_summary_prefetch(visibilities):
    """For pathway lists (the person page): each pathway's plan as `plan_summary`, or None,
    with `n_objectives` and `n_overdue` counted in the same single query, at the reader's `visibilities`."""
    from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
    from django.db.models.functions import Coalesce

    from tremplin.action_plan.models import OPEN_ACTION_STATUSES

    overdue = (
        Action.objects.filter(
            plan=OuterRef("pk"),
            status__in=OPEN_ACTION_STATUSES,
            due_date__lt=timezone.localdate(),
        )
        .visible_to(visibilities)
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    objectives = (
        Objective.objects.filter(plan=OuterRef("pk"))
        .visible_to(visibilities)
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = ActionPlan.objects.annotate(
        n_objectives=Coalesce(Subquery(objectives, output_field=IntegerField()), 0),
        n_overdue=Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
    )
    return Prefetch("action_plan", queryset=queryset, to_attr="plan_summary")


def move_action(action: Action, direction: str, readable) -> bool:
    """Moves an action one place up or down among the actions shown with it (same objective and section,
    readable by the mover), in the order agreed with the person. Returns False when it is already first/last."""
    if direction not in ("up", "down"):
        raise ValidationError({"direction": [_("Sens : « up » ou « down » attendu.")]})
    with transaction.atomic():
        plan_actions = list(ActionPlan.objects.select_for_update().get(pk=action.plan_id).actions.all())
        # Older plans have no order yet (all 0): number them as they are shown, once.
        if len({a.position for a in plan_actions}) < len(plan_actions):
            for index, item in enumerate(plan_actions, start=1):
                item.position = index
            Action.objects.bulk_update(plan_actions, ["position"])
        group = [
            a
            for a in plan_actions
            if a.objective_id == action.objective_id and a.section == action.section and a.visibility in readable
        ]
        index = next(i for i, a in enumerate(group) if a.pk == action.pk)
        other_index = index - 1 if direction == "up" else index + 1
        if not 0 <= other_index < len(group):
            return False
        mine, other = group[index], group[other_index]
        mine.position, other.position = other.position, mine.position
        Action.objects.bulk_update([mine, other], ["position"])
    return True
