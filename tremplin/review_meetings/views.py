"""Team review meetings: the list, planning, the agenda with each person's summary, decisions, the minutes.

Directors, case managers and counsellors (EDIT_PEOPLE) plan meetings and record decisions. Any other
participant (a technical supervisor) reads the agenda and the minutes of the meetings they take part in,
limited to the people of their team and to what the whole team may read. Everyone else of the structure
who reads all files gets 403; whoever may see no one (a partner, a supervisor not taking part) gets 404.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_object_access, require_membership, saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.pdf import pdf_response, render_pdf
from tremplin.messaging import services as messaging

from . import services
from .forms import DecisionForm, HelperForm, MeetingForm
from .models import ReviewItem, ReviewMeeting, ReviewReason

PAGE_SIZE = 25


def _access(request: HttpRequest, meeting: ReviewMeeting, *, manage: bool):
    """The member's membership if they may open (or, with `manage`, change) this meeting."""
    membership = check_object_access(request, meeting.structure)
    if services.may_manage(membership):
        return membership
    takes_part = meeting.participants.filter(pk=request.user.pk).exists()
    if takes_part and not manage:
        return membership
    if takes_part or membership.can(Capability.VIEW_ALL_PEOPLE):
        raise PermissionDenied
    raise Http404


def _meeting_for(request: HttpRequest, public_id: uuid.UUID, *, manage: bool = False):
    meeting = get_object_or_404(ReviewMeeting.objects.select_related("structure"), public_id=public_id)
    return meeting, _access(request, meeting, manage=manage)


def _detail_url(meeting: ReviewMeeting) -> str:
    return reverse("review_meetings:detail", args=[meeting.public_id])


@require_GET
@require_membership()
def meeting_list(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    if not membership.can(Capability.VIEW_TEAM_CALENDAR):
        raise PermissionDenied
    today = timezone.localdate()
    meetings = services.meetings_for(membership).prefetch_related("participants")
    upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time", "id")[:PAGE_SIZE])
    past = Paginator(meetings.filter(date__lt=today).order_by("-date", "-start_time", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "review_meetings/list.html",
        {"upcoming": upcoming, "page": past, "can_manage": services.may_manage(membership)},
    )


@require_membership(Capability.EDIT_PEOPLE)
def meeting_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = MeetingForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.plan_meeting(
                structure=structure,
                kind=data["kind"],
                date=data["date"],
                start_time=data.get("start_time"),
                place=data.get("place", ""),
                participants=data.get("participants") or [],
                external_participants=data.get("external_participants", ""),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Réunion planifiée. Choisissez maintenant les personnes à examiner."))
            return redirect("review_meetings:pick", public_id=meeting.public_id)
    return render(request, "review_meetings/meeting_form.html", {"form": form, "meeting": None})


@login_required
def meeting_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    meeting, _membership = _meeting_for(request, public_id, manage=True)
    before = (meeting.date, meeting.start_time, meeting.place)  # the form's validation sets the new ones
    form = MeetingForm(request.POST or None, instance=meeting, structure=meeting.structure)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        participants = data.pop("participants") or []
        try:
            with transaction.atomic():
                services.update_meeting(meeting, participants=participants, **data)
                updated = 0
                if (meeting.date, meeting.start_time, meeting.place) != before:
                    updated = messaging.notify_review_change(
                        meeting, by=request.user, site_url=request.build_absolute_uri("/")
                    )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            text = _("Réunion enregistrée.")
            if updated:
                text += " " + ngettext(
                    "%(n)s personne prévenue du changement.", "%(n)s personnes prévenues du changement.", updated
                ) % {"n": updated}
            messages.success(request, text)
            return redirect(_detail_url(meeting))
    return render(request, "review_meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
@reads_personal_data("review_meeting")
def meeting_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The agenda: each person's summary and the decisions taken, at the reader's levels."""
    meeting, membership = _meeting_for(request, public_id)
    agenda = services.agenda(meeting, membership)
    saw_people(request, [item.pathway.person for item in agenda["items"]], record=meeting)
    return render(
        request,
        "review_meetings/detail.html",
        {
            "meeting": meeting,
            "participants": list(meeting.participants.all()),
            "agenda": agenda,
            "can_manage": services.may_manage(membership),
            "sees_social": "social_staff_only" in agenda["readable"],
            "can_decide": services.may_manage(membership) and meeting.date <= timezone.localdate(),
            "today": timezone.localdate(),
        },
    )


def _candidates(structure, helper: str, months: int | None):
    if helper == HelperForm.CONTRACT:
        pathways, reason = services.contracts_ending_within(structure, months), ReviewReason.CONTRACT_ENDING
    elif helper == HelperForm.REVIEW:
        pathways, reason = services.plans_not_reviewed_for(structure, months), ReviewReason.PLAN_NOT_REVIEWED
    else:
        pathways, reason = services.reviewable_pathways(structure), ReviewReason.CHOSEN
    pathways = pathways.select_related("person", "referent", "programme").order_by(
        "person__last_name", "person__first_name", "pk"
    )
    return pathways, reason


@login_required
def pick(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Choose the people to review: proposed by a helper, then ticked by hand."""
    meeting, _membership = _meeting_for(request, public_id, manage=True)
    source = request.POST if request.method == "POST" else request.GET
    helper_form = HelperForm(source if "helper" in source else None)
    candidates, reason, errors = [], None, []
    if helper_form.is_bound and helper_form.is_valid():
        queryset, reason = _candidates(
            meeting.structure, helper_form.cleaned_data["helper"], helper_form.cleaned_data.get("months")
        )
        already = set(meeting.items.values_list("pathway_id", flat=True))
        candidates = [p for p in queryset if p.pk not in already]
        if request.method == "POST":
            wanted = set(request.POST.getlist("pathways"))
            chosen = [p for p in candidates if str(p.public_id) in wanted]
            if wanted - {str(p.public_id) for p in candidates}:
                errors.append(_("Personnes : une des personnes cochées ne peut pas être ajoutée à cette réunion."))
            elif not chosen:
                errors.append(_("Personnes : cochez au moins une personne à examiner."))
            else:
                invited = bool(request.POST.get("invite"))
                # The people on the agenda and their invitations together, or neither.
                with transaction.atomic():
                    added = services.add_to_agenda(meeting, chosen, reason=reason, by=request.user, invited=invited)
                    written = 0
                    if invited:
                        written = messaging.invite_to_review(
                            added, by=request.user, site_url=request.build_absolute_uri("/")
                        )
                text = ngettext(
                    "%(n)s personne ajoutée à l'ordre du jour.",
                    "%(n)s personnes ajoutées à l'ordre du jour.",
                    len(chosen),
                ) % {"n": len(chosen)}
                if written:
                    text += " " + ngettext(
                        "%(n)s message envoyé (SMS ou courriel).", "%(n)s messages envoyés (SMS ou courriel).", written
                    ) % {"n": written}
                messages.success(request, text)
                return redirect(_detail_url(meeting))
    elif request.method == "POST":
        errors.append(_("Choisissez d'abord comment proposer les personnes."))
    return render(
        request,
        "review_meetings/pick.html",
        {
            "meeting": meeting,
            "helper_form": helper_form,
            "candidates": candidates,
            "searched": helper_form.is_bound and helper_form.is_valid(),
            "errors": errors,
            "checked": set(request.POST.getlist("pathways")) if request.method == "POST" else None,
            "invite": request.method == "POST" and bool(request.POST.get("invite")),
        },
    )


def _item_for(request: HttpRequest, public_id: uuid.UUID, *, manage: bool) -> ReviewItem:
    item = get_object_or_404(
        ReviewItem.objects.select_related("meeting__structure", "pathway__person", "pathway__structure"),
        public_id=public_id,
    )
    _access(request, item.meeting, manage=manage)
    return item


@login_required
def decide(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Records a decision about one person of the agenda, and the action it creates if any."""
    item = _item_for(request, public_id, manage=True)
    meeting = item.meeting
    form = DecisionForm(request.POST or None, structure=meeting.structure, initial={"owner_user": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.record_decision(
                item,
                text=form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
                action=form.action_fields(),
                by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if decision.action_id:
                messages.success(
                    request,
                    _("Décision enregistrée pour %(name)s ; action « %(title)s » ajoutée à son plan.")
                    % {"name": item.pathway.person, "title": decision.action.title},
                )
            else:
                messages.success(request, _("Décision enregistrée pour %(name)s.") % {"name": item.pathway.person})
            return redirect(f"{_detail_url(meeting)}#item-{item.public_id}")
    return render(request, "review_meetings/decision_form.html", {"form": form, "item": item, "meeting": meeting})


@require_POST
@login_required
def remove(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    item = _item_for(request, public_id, manage=True)
    meeting = item.meeting
    try:
        services.remove_from_agenda(item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s retiré·e de l'ordre du jour.") % {"name": item.pathway.person})
    return redirect(_detail_url(meeting))


@require_POST
@login_required
def invite(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Invites a person on the agenda to the meeting (an invitation by message when it has a start time), or
    no longer: a person no longer invited gets no reminder."""
    item = _item_for(request, public_id, manage=True)
    meeting = item.meeting
    wanted = request.POST.get("invited") == "1"
    with transaction.atomic():
        ReviewItem.objects.filter(pk=item.pk).update(person_invited=wanted, updated_at=timezone.now())
        item.person_invited = wanted
        written = messaging.invite_to_review([item], by=request.user, site_url=request.build_absolute_uri("/"))
    name = item.pathway.person
    if not wanted:
        messages.success(request, _("%(name)s n'est plus invité·e à la réunion.") % {"name": name})
    elif written:
        messages.success(request, _("%(name)s est invité·e ; invitation envoyée par SMS ou courriel.") % {"name": name})
    else:
        messages.success(request, _("%(name)s est invité·e à la réunion.") % {"name": name})
    return redirect(f"{_detail_url(meeting)}#item-{item.public_id}")


@require_GET
@login_required
@reads_personal_data("review_meeting_minutes", action="export")
def minutes_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The minutes, at the reader's levels: a supervisor's copy never holds what is kept for the social staff."""
    meeting, membership = _meeting_for(request, public_id)
    agenda = services.agenda(meeting, membership)
    pdf = render_pdf(
        "review_meetings/minutes_pdf.html",
        {
            "meeting": meeting,
            "participants": list(meeting.participants.all()),
            "agenda": agenda,
            "sees_social": "social_staff_only" in agenda["readable"],
            "printed_by": request.user,
            "printed_on": timezone.localdate(),
        },
    )
    saw_people(request, [item.pathway.person for item in agenda["items"]], record=meeting)
    return pdf_response(pdf, f"compte-rendu-{meeting.date:%Y-%m-%d}.pdf")
