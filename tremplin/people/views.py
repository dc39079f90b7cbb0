"""People supported: the list of pathways, recording a candidate, the person's page."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tremplin.accounts.roles import Capability
from tremplin.action_plan.services import plan_summary_prefetch
from tremplin.audit.reads import reads_personal_data
from tremplin.consent.models import Consent
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.interviews.services import interviews_for_pathways
from tremplin.pathways.access import person_membership_or_404, person_or_404
from tremplin.pathways.models import Pathway
from tremplin.pathways.services import open_pathway

from .filters import PathwayFilter
from .forms import PersonCreateForm, PersonEditForm
from .models import Person

PAGE_SIZE = 25
CURRENT_CONTRACT_STATUSES = (ContractStatus.ACTIVE, ContractStatus.SUSPENDED)


def visible_pathways(membership) -> QuerySet:
    """Pathways of the membership's structure the member may see: all of them, or their team's."""
    pathways = Pathway.objects.filter(structure_id=membership.structure_id)
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return pathways
    if membership.can(Capability.VIEW_TEAM_PEOPLE):
        return pathways.filter(pk__in=Pathway.objects.for_team_of(membership.user).values("pk"))
    return pathways.none()


def with_current_contract_end(pathways: QuerySet) -> QuerySet:
    """Annotates the planned end of the contract under way, in the same query as the list."""
    current = Contract.objects.filter(pathway=OuterRef("pk"), status__in=CURRENT_CONTRACT_STATUSES).order_by(
        "-start_date"
    )
    return pathways.annotate(current_contract_end=Subquery(current.values("planned_end_date")[:1]))


def sees_no_one(membership) -> bool:
    """A member who may see no person of the structure at all: a partner, a supervisor without a team."""
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        return False
    if membership.can(Capability.VIEW_TEAM_PEOPLE):
        team = Pathway.objects.for_team_of(membership.user).filter(structure_id=membership.structure_id)
        return not team.exists()
    return True


def require_people_capability(*capabilities: str) -> Callable:
    """require_membership for the people pages of the current structure, except that a member
    who may see no one there gets 404 instead of 403: people pages do not exist for them."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            membership = request.membership
            if membership is None:
                raise PermissionDenied
            if not any(membership.can(c) for c in capabilities):
                if sees_no_one(membership):
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@require_people_capability(Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
def person_list(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    pathways = with_current_contract_end(
        visible_pathways(membership)
        .select_related("person", "programme", "referent", "supervisor", "worksite")
        .order_by("person__last_name", "person__first_name", "-created_at", "-pk")
    )
    filterset = PathwayFilter(request.GET or None, queryset=pathways, structure=membership.structure)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "people/person_list.html",
        {
            "filterset": filterset,
            "filter_form": filterset.form,
            "page": page,
            "is_filtered": any(request.GET.get(name) for name in filterset.filters),
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
        },
    )


@require_people_capability(Capability.EDIT_PEOPLE)
def person_create(request: HttpRequest) -> HttpResponse:
    """Records a candidate and opens their first pathway, after checking for possible duplicates."""
    structure = request.membership.structure
    duplicates: list[Person] = []
    if request.method == "POST":
        form = PersonCreateForm(request.POST, structure=structure, user=request.user)
        is_valid = form.is_valid()
        duplicates = list(form.possible_duplicates())
        if duplicates:
            form.ask_confirmation()
            if is_valid and not form.cleaned_data.get("confirm_new_person"):
                form.add_error(
                    "confirm_new_person",
                    _(
                        "Des personnes semblables sont déjà enregistrées : vérifiez la liste, "
                        "puis cochez la case si vous confirmez qu'il s'agit d'une autre personne."
                    ),
                )
                is_valid = False
        if is_valid:
            try:
                with transaction.atomic():
                    person = form.save(commit=False)
                    person.structure = structure
                    person.created_by = request.user
                    person.save()
                    open_pathway(
                        person=person,
                        programme=form.cleaned_data["programme"],
                        by=request.user,
                        referent=form.cleaned_data.get("referent"),
                        referral_source=form.cleaned_data.get("referral_source", ""),
                    )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request, _("%(name)s est enregistré·e et son parcours est ouvert.") % {"name": person.full_name}
                )
                return redirect("people:detail", public_id=person.public_id)
    else:
        form = PersonCreateForm(structure=structure, user=request.user)
    return render(request, "people/person_create.html", {"form": form, "duplicates": duplicates})


def _detail_pathways(membership) -> QuerySet:
    """What the person's page and the eligibility and contract partials read, fetched up front."""
    pathways = Pathway.objects.select_related("programme", "referent", "supervisor", "worksite").prefetch_related(
        "status_changes__changed_by",
        "eligibility_diagnoses__proofs",
        "eligibility_diagnoses__made_by",
        "contracts__suspensions",
        "contracts__worksite",
    )
    # Read by interviews/_pathway_next_interview.html: the plan's frequency (joined) and the interviews
    # the reader may see (+1 query), so the next interview date never reveals a hidden one.
    pathways = pathways.select_related("action_plan").prefetch_related(
        interviews_for_pathways(visibilities_for(membership))
    )
    # Read by welcome/_pathway_welcome.html (+1 query) and, for those who read all files,
    # professional_project/_pathway_project.html (+1 query).
    pathways = pathways.prefetch_related("welcome_steps")
    # Read by badges/_pathway_badges.html: the awards with their badge (+2 queries).
    pathways = pathways.prefetch_related("badge_awards__achievement")
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        pathways = pathways.prefetch_related("target_jobs")
    if membership.can(Capability.VIEW_ALL_PEOPLE):
        # Read by action_plan/_pathway_action_plan.html: objectives and overdue actions counted (+1 query).
        pathways = pathways.prefetch_related(plan_summary_prefetch(visibilities_for(membership)))
    if not membership.can(Capability.VIEW_ALL_PEOPLE):
        pathways = pathways.filter(pk__in=Pathway.objects.for_team_of(membership.user).values("pk"))
    return pathways


@login_required
@reads_personal_data("person")
def person_detail(request: HttpRequest, public_id) -> HttpResponse:
    person, membership = person_membership_or_404(
        request, public_id, Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE
    )
    prefetch_related_objects(
        [person], Prefetch("pathways", queryset=_detail_pathways(membership), to_attr="visible_pathways")
    )
    sees_social_file = membership.can(Capability.VIEW_ALL_PEOPLE)
    if sees_social_file:
        # Read by consent/_person_consents.html.
        prefetch_related_objects(
            [person],
            "information_records__notice",
            Prefetch("consents", queryset=Consent.objects.visible_to(membership)),
        )
    if not sees_social_file and not person.visible_pathways:
        # A supervisor only knows the people of their team.
        raise Http404
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "pathways": person.visible_pathways,
            "sees_social_file": sees_social_file,
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
        },
    )


@login_required
@reads_personal_data("person")
def person_edit(request: HttpRequest, public_id) -> HttpResponse:
    person = person_or_404(request, public_id, Capability.EDIT_PEOPLE)
    # Kept apart: validating the form writes the typed values on `person`.
    saved_name = person.full_name
    if request.method == "POST":
        form = PersonEditForm(request.POST, instance=person)
        if form.is_valid() and form.save_unless_changed() is not None:
            messages.success(request, _("Fiche enregistrée : %(name)s.") % {"name": person.full_name})
            return redirect("people:detail", public_id=person.public_id)
    else:
        form = PersonEditForm(instance=person)
    return render(request, "people/person_edit.html", {"form": form, "person": person, "saved_name": saved_name})
