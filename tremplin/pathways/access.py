"""The one lookup of a person's file by public id: 404 before 403, checked in `tremplin.accounts.access`.

Every view that reaches a pathway or a person from its URL goes through these functions, instead of a
`get_object_or_404` followed by an access check of its own. They note the person on the request, so a view
declared with `tremplin.audit.reads.reads_personal_data` logs the read.
"""

import uuid

from django.http import Http404, HttpRequest

from tremplin.accounts.access import check_object_access, check_pathway_access, check_person_access
from tremplin.accounts.models import Membership
from tremplin.people.models import Person

from .models import ACTIVE_STATUSES, Pathway

# What the pages of a pathway show around it: its person, programme and structure (one query).
PATHWAY_RELATED = ("person", "programme", "structure")


def current_pathway(person: Person) -> Pathway | None:
    """The person's pathway in progress (the latest open one) with what its pages show around it, or None.
    Pages about the person rather than one pathway (portfolio, CV) show that pathway's programme menu."""
    return (
        Pathway.objects.filter(person=person, status__in=ACTIVE_STATUSES)
        .select_related(*PATHWAY_RELATED)
        .order_by("-created_at", "-pk")
        .first()
    )


def _public_id(value) -> uuid.UUID:
    """A public id from a URL or a form value; anything else names no record (404)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _get(queryset, public_id):
    try:
        return queryset.get(public_id=_public_id(public_id))
    except queryset.model.DoesNotExist:
        raise Http404 from None


def pathway_membership_or_404(
    request: HttpRequest, public_id, *capabilities: str, related: tuple[str, ...] = PATHWAY_RELATED
) -> tuple[Pathway, Membership]:
    """The pathway and the member's membership in its structure.

    404 to whoever may not see the person (another structure, a partner, a supervisor outside the team),
    then 403 to a member who sees them without one of `capabilities`. `related`: what the page shows of the
    pathway, loaded with it.
    """
    pathway = _get(Pathway.objects.select_related(*related), public_id)
    return pathway, check_pathway_access(request, pathway, *capabilities)


def pathway_or_404(
    request: HttpRequest, public_id, *capabilities: str, related: tuple[str, ...] = PATHWAY_RELATED
) -> Pathway:
    """`pathway_membership_or_404` for a view that needs only the pathway."""
    return pathway_membership_or_404(request, public_id, *capabilities, related=related)[0]


def pathway_of_member_or_404(
    request: HttpRequest, public_id, *, related: tuple[str, ...] = PATHWAY_RELATED
) -> tuple[Pathway, Membership]:
    """The pathway and the membership in its structure, checking the membership only (404 without one).

    For the pages whose own rule decides what the member sees of the person (a partner sees what is shared
    with their organisation, nothing else): they note the person with `saw_pathway` once that rule passed.
    """
    pathway = _get(Pathway.objects.select_related(*related), public_id)
    return pathway, check_object_access(request, pathway.structure)


def person_membership_or_404(
    request: HttpRequest, public_id, *capabilities: str, related: tuple[str, ...] = ("structure",)
) -> tuple[Person, Membership]:
    """The person and the member's membership in their structure: 404 to whoever may not know the person
    exists (another structure, a supervisor outside their team), then 403 without one of `capabilities`."""
    person = _get(Person.objects.select_related(*related), public_id)
    return person, check_person_access(request, person, *capabilities)


def person_or_404(
    request: HttpRequest, public_id, *capabilities: str, related: tuple[str, ...] = ("structure",)
) -> Person:
    """`person_membership_or_404` for a view that needs only the person."""
    return person_membership_or_404(request, public_id, *capabilities, related=related)[0]
