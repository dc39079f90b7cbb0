"""Interviews of a pathway: the list with the next due date, planning, recording as held, editing, and the intake.

Who reads what: editors of people's files read every interview; other members who
see the person read only the interviews whose visibility `visibilities_for` grants
them (a technical supervisor never reads what is kept for the social staff, not even
that such an interview exists). Writing needs EDIT_PEOPLE.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_pathway_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.messaging import services as messaging
from tremplin.messaging.meetings import of_interview
from tremplin.pathways.access import pathway_membership_or_404

from . import services
from .forms import EditForm, HeldForm, IntakeForm, PlanForm, RecordForm
from .intake import answered_sections
from .models import Interview, Kind

READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)


def _pathway(request: HttpRequest, public_id: uuid.UUID, *capabilities: str):
    return pathway_membership_or_404(
        request, public_id, *capabilities, related=("person__structure", "programme", "structure", "action_plan")
    )


def _interview(request: HttpRequest, public_id: uuid.UUID) -> Interview:
    """An interview to write: the editor must see its person; whoever may not read its visibility gets 404."""
    interview = get_object_or_404(
        Interview.objects.select_related("pathway__person__structure", "pathway__programme", "pathway__structure"),
        public_id=public_id,
    )
    membership = check_pathway_access(request, interview.pathway, *READERS, record=interview)
    if interview.visibility not in visibilities_for(membership):
        raise Http404
    check_pathway_access(request, interview.pathway, Capability.EDIT_PEOPLE)
    return interview


@login_required
@reads_personal_data("interviews")
def interview_list(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = _pathway(request, pathway_id, *READERS)
    readable = visibilities_for(membership)
    sees_social = Visibility.SOCIAL_STAFF_ONLY in readable
    interviews = Interview.objects.filter(pathway=pathway).visible_to(readable).select_related("led_by")
    page = Paginator(interviews, 25).get_page(request.GET.get("page"))
    for interview in page.object_list:
        interview.answered = answered_sections(interview.answers, sees_social=sees_social) if interview.answers else []
    answers = messaging.meeting_answers("interview", [interview.public_id for interview in page.object_list])
    for interview in page.object_list:
        interview.declined_at, interview.followed_up = answers.get(interview.public_id, (None, False))
    due = services.next_interview_due(pathway, readable)
    return render(
        request,
        "interviews/list.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "page": page,
            "next_due": due,
            "overdue": due is not None and due < timezone.localdate(),
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
            "now": timezone.now(),
        },
    )


@login_required
def create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, _membership = _pathway(request, pathway_id, Capability.EDIT_PEOPLE)
    person = pathway.person
    reach = messaging.reach_of(person)
    form = PlanForm(
        request.POST or None,
        structure=pathway.structure,
        initial={"led_by": request.user.pk, "invite": reach.preferred},
    )
    if request.method == "POST" and form.is_valid():
        try:
            # The meeting and its invitation together, or neither (a refused channel refuses the form).
            with transaction.atomic():
                channels = messaging.checked_channels(person, form.cleaned_data["invite"])
                interview = services.plan_interview(pathway=pathway, by=request.user, **form.terms())
                sent = messaging.invite(
                    of_interview(interview),
                    by=request.user,
                    channels=channels,
                    site_url=request.build_absolute_uri("/"),
                    bring=form.cleaned_data["bring"],
                )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien prévu, invitation envoyée.") if sent else _("Entretien prévu."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    return render(
        request,
        "interviews/create.html",
        {"form": form, "pathway": pathway, "person": person, "unreachable": reach.why_not},
    )


@login_required
def record_held(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    """A meeting that already took place, recorded with its date (no planning first)."""
    pathway, _membership = _pathway(request, pathway_id, Capability.EDIT_PEOPLE)
    form = HeldForm(request.POST or None, structure=pathway.structure, initial={"led_by": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_held_interview(pathway=pathway, by=request.user, **form.terms())
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien enregistré."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    return render(request, "interviews/record_held.html", {"form": form, "pathway": pathway, "person": pathway.person})


@login_required
@reads_personal_data("interviews")
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    interview = _interview(request, public_id)
    pathway = interview.pathway
    form = RecordForm(request.POST or None, instance=interview)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_interview(
                interview,
                held_on=data["held_on"],
                attendance=data["attendance"],
                notes=data["notes"],
                visibility=data["visibility"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien enregistré comme tenu."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    return render(
        request,
        "interviews/record.html",
        {"form": form, "interview": interview, "pathway": pathway, "person": pathway.person},
    )


def _to_minute(moment):
    return moment.replace(second=0, microsecond=0) if moment else moment


def _intake_initial(interview: Interview) -> dict:
    initial = {"held_on": interview.held_on, "led_by": interview.led_by_id, "visibility": interview.visibility}
    initial.update({f"q_{key}": value for key, value in interview.answers.items()})
    return initial


@login_required
@reads_personal_data("interviews")
def edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    interview = _interview(request, public_id)
    pathway = interview.pathway
    if interview.kind == Kind.INTAKE:
        return _edit_intake(request, interview)
    original_planned_at = interview.planned_at
    form = EditForm(request.POST or None, instance=interview, structure=pathway.structure)
    if request.method == "POST" and form.is_valid():
        try:
            # The form's field has minutes, not seconds: an untouched date is not a change.
            moved = _to_minute(form.instance.planned_at) != _to_minute(original_planned_at)
            with transaction.atomic():
                services.update_interview(form.instance, planned_at_changed=moved)
                if moved and form.cleaned_data.get("notify") and form.instance.held_on is None:
                    messaging.notify_change(
                        of_interview(form.instance), by=request.user, site_url=request.build_absolute_uri("/")
                    )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien modifié."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    declined_at = messaging.meeting_answers("interview", [interview.public_id]).get(interview.public_id, (None,))[0]
    return render(
        request,
        "interviews/edit.html",
        {
            "form": form,
            "interview": interview,
            "pathway": pathway,
            "person": pathway.person,
            "declined_at": declined_at,
        },
    )


def _edit_intake(request: HttpRequest, interview: Interview) -> HttpResponse:
    pathway = interview.pathway
    form = IntakeForm(request.POST or None, structure=pathway.structure, initial=_intake_initial(interview))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        interview.held_on = data["held_on"]
        interview.led_by = data["led_by"]
        interview.visibility = data["visibility"]
        interview.answers = form.answers()
        try:
            services.update_interview(interview, planned_at_changed=False)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien d'accueil modifié."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    return render(
        request,
        "interviews/intake.html",
        {"form": form, "interview": interview, "pathway": pathway, "person": pathway.person},
    )


@login_required
def intake(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, _membership = _pathway(request, pathway_id, Capability.EDIT_PEOPLE)
    form = IntakeForm(request.POST or None, structure=pathway.structure, initial={"led_by": request.user.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_intake(
                pathway=pathway,
                by=request.user,
                held_on=data["held_on"],
                answers=form.answers(),
                visibility=data["visibility"],
                led_by=data["led_by"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entretien d'accueil enregistré."))
            return redirect("interviews:list", pathway_id=pathway.public_id)
    return render(request, "interviews/intake.html", {"form": form, "pathway": pathway, "person": pathway.person})
