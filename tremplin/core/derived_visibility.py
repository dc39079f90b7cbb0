"""Visibility follows the data (docs/decisions/0008-visibility-follows-the-data.md).

An item that derives from or points to another carries a stored level that is never less
restrictive than its sources': an objective takes the most restrictive of its barriers' (decision
0013), an action its objective's (and the review decision that created it, the orientation it came
from and the directory partner who carries it), an orientation its barrier's, its action's and the partner's
(a health, addiction or justice partner says something by its name alone), a consent naming a
partner the most restrictive of that partner and of the orientations to it, and the timeline
events built from these items their item's. Lists keep filtering with
`.visible_to(membership)` (core.visibility.VisibilityQuerySet), without reading the sources.

The rules are here, once; models compute their own level on save (`level_of`) and a change of a
source's level is carried to everything below it by `refresh_pathway`, the one propagation
function (also run by the data migration, with the historical models).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.apps import apps as django_apps
from django.db.models import Q

from .visibility import Visibility, most_restrictive, visible_q

# Domains of needs and kinds of partners whose name alone says something sensitive about the person.
SENSITIVE_DOMAINS = frozenset({"health", "justice", "addictions"})
SENSITIVE_PARTNER_KINDS = frozenset({"health", "legal_aid", "debt_advice"})
ORIENTATION_DEFAULT = Visibility.WHOLE_TEAM
CONSENT_DEFAULT = Visibility.WHOLE_TEAM

Getter = Callable[[str, str], type]


def _level_of_barrier(visibility: str, domain: str) -> str:
    if visibility:
        return visibility
    return Visibility.SOCIAL_STAFF_ONLY if domain in SENSITIVE_DOMAINS else Visibility.WHOLE_TEAM


def barrier_level(barrier) -> str | None:
    if barrier is None:
        return None
    return _level_of_barrier(barrier.visibility, barrier.domain)


def objective_level(objective, *, barriers: list[str] | None = None) -> str:
    """The most restrictive of its barriers' levels: one social-only barrier makes it social-only (0013).
    An objective not saved yet has no barriers: the m2m_changed signal levels it once they are added."""
    if barriers is None:
        barriers = [barrier_level(b) for b in objective.barriers.all()] if objective.pk else []
    return most_restrictive(Visibility.SHAREABLE_WITH_PARTNERS, *barriers)


def owner_partner_level(organisation) -> str | None:
    """A directory partner carrying an action says something by its name alone when it is a sensitive one."""
    if organisation is None:
        return None
    return Visibility.SOCIAL_STAFF_ONLY if partner_is_sensitive(organisation) else None


def action_level(
    action,
    *,
    objective: str | None = None,
    decision: str | None = None,
    origin: str | None = None,
    owner: str | None = None,
) -> str:
    if objective is None and action.objective_id:
        objective = objective_level(action.objective)
    if decision is None:
        found = getattr(action, "review_decision", None) if action.pk else None
        decision = found.visibility if found is not None else None
    if origin is None and getattr(action, "orientation_id", None):
        origin = orientation_own_level(action.orientation)
    if owner is None and getattr(action, "owner_partner_id", None):
        owner = owner_partner_level(action.owner_partner)
    return most_restrictive(Visibility.SHAREABLE_WITH_PARTNERS, objective, decision, origin, owner)


def partner_is_sensitive(organisation, service=None) -> bool:
    if organisation.kind in SENSITIVE_PARTNER_KINDS:
        return True
    return service is not None and any(need.domain in SENSITIVE_DOMAINS for need in service.needs.all())


def orientation_own_level(orientation) -> str:
    """The orientation's level without the action it leads to: what an action that came from it inherits
    (an orientation takes its action's level, an action its origin's own level: no cycle)."""
    partner = (
        Visibility.SOCIAL_STAFF_ONLY if partner_is_sensitive(orientation.organisation, orientation.service) else None
    )
    return most_restrictive(
        orientation.visibility_choice, ORIENTATION_DEFAULT, barrier_level(orientation.barrier), partner
    )


def orientation_source_level(orientation, *, action: str | None = None) -> str:
    """The least restrictive level the orientation may have: what it addresses and whom it goes to."""
    partner = (
        Visibility.SOCIAL_STAFF_ONLY if partner_is_sensitive(orientation.organisation, orientation.service) else None
    )
    if action is None and orientation.action_id:
        action = orientation.action.visibility
    return most_restrictive(ORIENTATION_DEFAULT, barrier_level(orientation.barrier), action, partner)


def orientation_level(orientation, *, action: str | None = None) -> str:
    return most_restrictive(orientation.visibility_choice, orientation_source_level(orientation, action=action))


def consent_level(consent, *, get_model: Getter = django_apps.get_model) -> str:
    if not consent.partner_name:
        return CONSENT_DEFAULT
    levels = _partner_levels(consent.person, get_model)
    return most_restrictive(CONSENT_DEFAULT, levels.get(consent.partner_name.strip().lower()))


def _partner_levels(person, get_model: Getter) -> dict[str, str]:
    """Lower-cased partner name → the level any consent naming it must have, for this person's structure."""
    Organisation = get_model("partners", "PartnerOrganisation")
    Orientation = get_model("orientations", "Orientation")
    levels: dict[str, str] = {}
    sensitive = (
        Organisation.objects.filter(Q(structure_id=person.structure_id) | Q(network__structures=person.structure_id))
        .filter(Q(kind__in=SENSITIVE_PARTNER_KINDS) | Q(services__needs__domain__in=SENSITIVE_DOMAINS))
        .values_list("name", flat=True)
    )
    for name in sensitive:
        levels[name.strip().lower()] = Visibility.SOCIAL_STAFF_ONLY
    oriented = Orientation.objects.filter(pathway__person=person).values_list("organisation__name", "visibility")
    for name, level in oriented:
        key = name.strip().lower()
        levels[key] = most_restrictive(levels.get(key), level)
    return levels


def level_of(item) -> str:
    """The level `item` must store now, from its sources (used by the models' save)."""
    label = item._meta.label_lower
    if label == "action_plan.objective":
        return objective_level(item)
    if label == "action_plan.action":
        return action_level(item)
    if label == "orientations.orientation":
        return orientation_level(item)
    if label == "consent.consent":
        return consent_level(item)
    raise ValueError(label)


def _changed(rows, compute) -> list:
    changed = []
    for row in rows:
        level = compute(row)
        if row.visibility != level:
            row.visibility = level
            changed.append(row)
    return changed


def _set_event_levels(get_model: Getter, source_type: str, levels: dict[str, str]) -> None:
    """Timeline events of these sources take their source's level (one UPDATE per level)."""
    Event = get_model("timeline", "TimelineEvent")
    by_level: dict[str, list[str]] = defaultdict(list)
    for key, level in levels.items():
        by_level[level].append(key)
    for level, keys in by_level.items():
        Event.objects.filter(source_type=source_type, source_id__in=keys).exclude(visibility=level).update(
            visibility=level
        )


def refresh_pathway(pathway_id: int, *, get_model: Getter = django_apps.get_model) -> None:
    """Recomputes the stored level of everything on the pathway that derives from something else, top down:
    objectives, actions, orientations, the person's consents, and the timeline events built from them.

    Call it when a source's level may have changed (a barrier made « social staff only », an objective
    linked to another barrier…). A fixed number of queries whatever the pathway holds.
    """
    Pathway = get_model("pathways", "Pathway")
    Barrier = get_model("barriers", "Barrier")
    BarrierChange = get_model("barriers", "BarrierChange")
    Objective = get_model("action_plan", "Objective")
    Action = get_model("action_plan", "Action")
    Decision = get_model("review_meetings", "ReviewDecision")
    Orientation = get_model("orientations", "Orientation")
    Step = get_model("orientations", "OrientationStep")
    Consent = get_model("consent", "Consent")

    pathway = Pathway.objects.select_related("person").get(pk=pathway_id)
    barrier_levels = {b.pk: barrier_level(b) for b in Barrier.objects.filter(pathway_id=pathway_id)}
    changes = BarrierChange.objects.filter(barrier__pathway_id=pathway_id).values_list("pk", "barrier_id")
    _set_event_levels(get_model, "barriers.barrierchange", {str(pk): barrier_levels[b] for pk, b in changes})

    objectives = list(Objective.objects.filter(plan__pathway_id=pathway_id))
    linked = _objective_barrier_levels(Objective, pathway_id)
    Objective.objects.bulk_update(
        _changed(objectives, lambda o: objective_level(o, barriers=linked.get(o.pk, []))), ["visibility"]
    )
    objective_levels = {o.pk: o.visibility for o in objectives}

    orientations = list(
        Orientation.objects.filter(pathway_id=pathway_id)
        .select_related("barrier", "organisation", "service")
        .prefetch_related("service__needs")
    )
    own_levels = {o.pk: orientation_own_level(o) for o in orientations}
    decisions = dict(
        Decision.objects.filter(action__plan__pathway_id=pathway_id).values_list("action_id", "visibility")
    )
    actions = list(Action.objects.filter(plan__pathway_id=pathway_id).select_related(*_action_sources(Action)))
    Action.objects.bulk_update(
        _changed(
            actions,
            lambda a: action_level(
                a,
                objective=objective_levels.get(a.objective_id),
                decision=decisions.get(a.pk),
                origin=own_levels.get(getattr(a, "orientation_id", None)),
                owner=owner_partner_level(getattr(a, "owner_partner", None)),
            ),
        ),
        ["visibility"],
    )
    action_levels = {a.pk: a.visibility for a in actions}
    _set_event_levels(
        get_model,
        "action_plan.action",
        {str(a.public_id): most_restrictive(Visibility.WHOLE_TEAM, a.visibility) for a in actions},
    )

    Orientation.objects.bulk_update(
        _changed(orientations, lambda o: orientation_level(o, action=action_levels.get(o.action_id))),
        ["visibility"],
    )
    orientation_levels = {o.pk: o.visibility for o in orientations}
    steps = Step.objects.filter(orientation__pathway_id=pathway_id).values_list("pk", "orientation_id")
    _set_event_levels(get_model, "orientations.orientationstep", {str(pk): orientation_levels[o] for pk, o in steps})

    refresh_consents(pathway.person, get_model=get_model, consent_model=Consent)


def _objective_barrier_levels(Objective, pathway_id: int) -> dict[int, list[str]]:
    """Objective pk → its barriers' levels, in one query. The historical models of the migrations that ran
    before decision 0013 (orientations/0004) still have the single `barrier` foreign key."""
    levels: dict[int, list[str]] = defaultdict(list)
    if any(field.name == "barriers" for field in Objective._meta.get_fields()):
        rows = Objective.barriers.through.objects.filter(objective__plan__pathway_id=pathway_id).values_list(
            "objective_id", "barrier__visibility", "barrier__domain"
        )
    else:
        rows = Objective.objects.filter(plan__pathway_id=pathway_id, barrier__isnull=False).values_list(
            "pk", "barrier__visibility", "barrier__domain"
        )
    for objective_id, visibility, domain in rows:
        levels[objective_id].append(_level_of_barrier(visibility, domain))
    return levels


def _action_sources(Action) -> tuple[str, ...]:
    """The directory partner carrying the action, when the (possibly historical) model has it."""
    return ("owner_partner",) if any(f.name == "owner_partner" for f in Action._meta.get_fields()) else ()


def refresh_consents(person, *, get_model: Getter = django_apps.get_model, consent_model=None) -> None:
    Consent = consent_model or get_model("consent", "Consent")
    consents = list(Consent.objects.filter(person_id=person.pk).exclude(partner_name=""))
    if not consents:
        return
    levels = _partner_levels(person, get_model)
    Consent.objects.bulk_update(
        _changed(consents, lambda c: most_restrictive(CONSENT_DEFAULT, levels.get(c.partner_name.strip().lower()))),
        ["visibility"],
    )


def hidden_partner_names(person, visibilities) -> set[str]:
    """Lower-cased names of the partners the reader must not learn about for this person: those whose
    consent is at a level they do not read. Shares, partners' notes and the « who does what » panel use it."""
    Consent = django_apps.get_model("consent", "Consent")
    names = (
        Consent.objects.filter(person_id=person.pk)
        .exclude(partner_name="")
        .exclude(visible_q(visibilities))
        .values_list("partner_name", flat=True)
    )
    return {name.strip().lower() for name in names}


class TracksVisibility:
    """Model mixin: remembers the level read from the database, so a save knows whether it changed."""

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_visibility = instance.__dict__.get("visibility")
        return instance

    def visibility_changed(self) -> bool:
        return getattr(self, "_loaded_visibility", None) != self.visibility


def derive_before_save(item, save_kwargs: dict, sources: set[str]) -> None:
    """Sets `item.visibility` to its derived level before a save that may change it (a full save, or one that
    updates `visibility` or one of its `sources`), and adds `visibility` to the save's update_fields."""
    update_fields = save_kwargs.get("update_fields")
    if update_fields is None or {"visibility", *sources} & set(update_fields):
        item.visibility = level_of(item)
        if update_fields is not None:
            save_kwargs["update_fields"] = {*update_fields, "visibility"}
