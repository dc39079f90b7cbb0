"""Access checks used by every view.

Two rules hold everywhere:
- a record is looked up only among the structures where the user holds an
  active membership; anything else is a 404, so IDs of other structures
  reveal nothing;
- the membership of the record's structure must grant the capability,
  otherwise 403.

The checks that let a request see a person (`check_person_access`, `check_pathway_access`) also note
that person on the request (`saw_person`): a view declared with `tremplin.audit.reads.reads_personal_data`
logs those reads when it answers, so no view writes its access-log call by hand.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from .models import Membership
from .roles import Capability


def membership_in(user, structure) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.active().filter(user=user, structure=structure).select_related("structure").first()


def require_membership(*capabilities: str) -> Callable:
    """View decorator: signed in, working in a structure, holding one of `capabilities`.

    Views that work on the current structure (lists, creation forms) use it.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            membership = request.membership
            if membership is None:
                raise PermissionDenied
            if capabilities and not any(membership.can(c) for c in capabilities):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def check_object_access(request: HttpRequest, structure, *capabilities: str) -> Membership:
    """Returns the user's membership in `structure` if it grants one of `capabilities`.

    No membership at all: 404 (the record does not exist for this user).
    A membership without the capability: 403.
    """
    membership = membership_in(request.user, structure)
    if membership is None:
        raise Http404
    if capabilities and not any(membership.can(c) for c in capabilities):
        raise PermissionDenied
    if request.membership is None or request.membership.structure_id != structure.id:
        request.membership = membership
    return membership


def can_view_pathway(membership: Membership, pathway) -> bool:
    """A supervisor sees only the pathways of their team; other roles by capability."""
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return True
    if membership.can(Capability.VIEW_TEAM_PEOPLE):
        return pathway.is_in_team_of(membership.user)
    return False


def person_visible_to(membership, person) -> bool:
    """Whether the member may know this person exists: all people, or one of their team."""
    if membership is None:
        return False
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return True
    if membership.can(Capability.VIEW_TEAM_PEOPLE):
        return person.pathways.for_team_of(membership.user).exists()
    return False


def _note(request: HttpRequest, person_id, person, record) -> None:
    seen = request.__dict__.setdefault("people_seen", {})
    if person_id not in seen or record is not None:
        seen[person_id] = (person, record)


def saw_person(request: HttpRequest, person, record=None) -> None:
    """Notes that this request was let see `person` (`record`: the item of their file it was let see).

    One note per person, the most specific record kept; a view declared with `reads_personal_data` logs them.
    """
    _note(request, person.pk, person, record)


def saw_people(request: HttpRequest, people, record=None) -> None:
    """`saw_person` for each person a page about many people shows (an agenda, minutes, a handover)."""
    for person in people:
        saw_person(request, person, record)


def saw_pathway(request: HttpRequest, pathway, record=None) -> None:
    """`saw_person` for the person of `pathway`, loaded only if the read is logged."""
    _note(request, pathway.person_id, lambda: pathway.person, record)


def people_seen(request: HttpRequest) -> list[tuple[object, object]]:
    """(person, record) for each person the access checks let this request see, in the order seen."""
    notes = getattr(request, "people_seen", None) or {}
    return [(person() if callable(person) else person, record) for person, record in notes.values()]


def check_person_access(request: HttpRequest, person, *capabilities: str, record=None):
    """Like check_object_access, but a member who may not see this person gets 404, not 403:
    a supervisor must not learn that someone outside their team is recorded."""
    try:
        membership = check_object_access(request, person.structure, *capabilities)
    except PermissionDenied:
        if not person_visible_to(membership_in(request.user, person.structure), person):
            raise Http404 from None
        raise
    saw_person(request, person, record)
    return membership


def check_pathway_access(request: HttpRequest, pathway, *capabilities: str, record=None) -> Membership:
    """404 to whoever may not see the person (other structure, partner, supervisor outside the team),
    then 403 to a member who sees the person but lacks the capability.

    `record`: the item of the pathway's file being reached (an interview, a contract), noted for the log.
    """
    membership = check_object_access(request, pathway.structure)
    if not can_view_pathway(membership, pathway):
        raise Http404
    if capabilities and not any(membership.can(c) for c in capabilities):
        raise PermissionDenied
    saw_pathway(request, pathway, record)
    return membership
