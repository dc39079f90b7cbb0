"""Look-ups of the API: inside the token's structure first, then the pages' own access checks.

A token acts as its membership in its structure only: a record of another structure answers 404 even when the
membership's user also works there. The checks of `accounts.access` then decide as on the pages (404 to whoever
may not see the person, 403 without the capability) and note the person for the access log.
"""

from django.http import Http404

from tremplin.accounts.access import check_object_access, check_pathway_access, check_person_access
from tremplin.accounts.models import Membership
from tremplin.pathways.models import Pathway
from tremplin.people.models import Person


def structure_id(request) -> int:
    return request.auth.structure_id


def membership(request) -> Membership:
    return request.auth.membership


def _get(queryset, request, public_id):
    try:
        return queryset.filter(structure_id=structure_id(request)).get(public_id=public_id)
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404 from None


def pathway_or_404(request, public_id, *capabilities: str, related=("person", "programme", "structure")):
    pathway = _get(Pathway.objects.select_related(*related), request, public_id)
    return pathway, check_pathway_access(request._request, pathway, *capabilities)


def person_or_404(request, public_id, *capabilities: str) -> tuple[Person, Membership]:
    person = _get(Person.objects.select_related("structure"), request, public_id)
    return person, check_person_access(request._request, person, *capabilities)


def structure_record_or_404(request, queryset, public_id, *capabilities: str):
    """A record of the structure (a job offer): 404 outside the token's structure, 403 without the capability."""
    record = _get(queryset, request, public_id)
    check_object_access(request._request, record.structure, *capabilities)
    return record


def require(request, *capabilities: str) -> Membership:
    """The token's membership, if it holds one of `capabilities` (403 otherwise), for lists and creations."""
    return check_object_access(request._request, request.auth.structure, *capabilities)
