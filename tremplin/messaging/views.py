"""Pages of messages: the person's messages and contact preferences, the structure's settings and templates,
the person's "I can't come" page (no sign-in, signed link), the provider's delivery reports, the follow-up
after a missed meeting.

Who: whoever sees the person reads their messages, filtered by the meeting's visibility; editors of people's
files change the preferences and send; the direction (MANAGE_STRUCTURE) sets the structure's texts.
"""

from __future__ import annotations

import hmac
import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_pathway_access, person_visible_to, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.visibility import visibilities_for
from tremplin.pathways.access import person_membership_or_404

from . import services, texts
from .forms import PreferenceForm, SettingsForm, TemplateForm
from .meetings import of_interview
from .models import Language, MeetingKind, Message, MessageTemplate, MessagingSettings, Purpose
from .phones import readable

READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)


@login_required
@reads_personal_data("messages")
def person_messages(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, membership = person_membership_or_404(request, person_id, *READERS)
    if not person_visible_to(membership, person):  # a supervisor outside the person's team
        raise Http404
    rows = Message.objects.filter(person=person).visible_to(membership).select_related("sent_by")
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    preference = services.preference_of(person)
    consent = services.has_contact_consent(person)
    return render(
        request,
        "messaging/person.html",
        {
            "person": person,
            "page": page,
            "preference": preference,
            "mobile": readable(preference.mobile),
            "consent": consent,
            "unreachable": services.why_not_reachable(person, preference, consent=consent),
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
        },
    )


@login_required
@reads_personal_data("contact_preference")
def preferences(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    person, _membership = person_membership_or_404(request, person_id, Capability.EDIT_PEOPLE)
    instance = services.preference_of(person)
    form = PreferenceForm(
        request.POST or None,
        instance=instance,
        country=person.structure.country,
        initial={"preferred_language": person.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            person.preferred_language = form.cleaned_data["preferred_language"]
            person.save(update_fields=["preferred_language", "updated_at"])
        messages.success(request, _("Préférences de contact enregistrées."))
        return redirect("messaging:person", person_id=person.public_id)
    return render(request, "messaging/preferences.html", {"person": person, "form": form})


@require_membership(Capability.MANAGE_STRUCTURE)
def structure_settings(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    instance = MessagingSettings.objects.filter(structure=structure).first() or MessagingSettings(structure=structure)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Réglages des messages enregistrés."))
        return redirect("messaging:settings")
    own = set(MessageTemplate.objects.filter(structure=structure).values_list("meeting_kind", "purpose", "language"))
    rows = [
        (purpose, language, (MeetingKind.INTERVIEW, purpose.value, language.value) in own)
        for purpose in Purpose
        for language in Language
    ]
    return render(request, "messaging/settings.html", {"form": form, "rows": rows})


@require_membership(Capability.MANAGE_STRUCTURE)
def template_edit(request: HttpRequest) -> HttpResponse:
    """One text of the structure: `?objet=invitation&langue=fr` (query parameters: they name no record)."""
    purpose = request.GET.get("objet", Purpose.INVITATION)
    language = request.GET.get("langue", Language.FR)
    if purpose not in Purpose.values or language not in Language.values:
        raise Http404
    structure = request.membership.structure
    own = MessageTemplate.objects.filter(
        structure=structure, meeting_kind=MeetingKind.INTERVIEW, purpose=purpose, language=language
    ).first()
    default = texts.default_template(MeetingKind.INTERVIEW, purpose, language)
    form = TemplateForm(request.POST or None, purpose=purpose, initial={"body": own.body if own else default})
    if request.method == "POST":
        if "reset" in request.POST:
            MessageTemplate.objects.filter(pk=getattr(own, "pk", None)).delete()
            messages.success(request, _("Texte d'origine rétabli."))
            return redirect("messaging:settings")
        if form.is_valid():
            MessageTemplate.objects.update_or_create(
                structure=structure,
                meeting_kind=MeetingKind.INTERVIEW,
                purpose=purpose,
                language=language,
                defaults={"body": form.cleaned_data["body"]},
            )
            messages.success(request, _("Texte enregistré."))
            return redirect("messaging:settings")
    return render(
        request,
        "messaging/template_edit.html",
        {
            "form": form,
            "purpose": Purpose(purpose),
            "language": Language(language),
            "own": own,
            "default": default,
        },
    )


def decline(request: HttpRequest, token: str) -> HttpResponse:
    """The person's "I can't come": a question (GET, so that a link preview records nothing), then the answer
    (POST), in the person's language. No sign-in: the signed link is the proof."""
    message = services.message_from_token(token)
    language = message.language if message is not None else Language.FR
    question, button, thanks, invalid = texts.DECLINE_PAGE[texts.language_for(language)]
    state = "ask"
    if message is None:
        state = "invalid"
    elif message.declined_at is not None:
        state = "done"
    elif request.method == "POST":
        state = "done" if services.decline(message) else "invalid"
    with translation.override(language):
        response = render(
            request,
            "messaging/decline.html",
            {
                "state": state,
                "question": question,
                "button": button,
                "thanks": thanks,
                "invalid": invalid,
                "message": message,
                "language": language,
                "when": texts.when(message.meeting_at, language) if message and message.meeting_at else None,
            },
            status=404 if state == "invalid" and message is None else 200,
        )
    # The page links nowhere outside; "no-referrer" here would make the browser send "Origin: null" on the
    # POST, which the CSRF check rightly refuses.
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@require_POST
def brevo_webhook(request: HttpRequest) -> HttpResponse:
    """Brevo's transactional SMS events (sent, delivered, soft_bounce, hard_bounce…): the secret of the
    setting TREMPLIN_WEBHOOK_TOKEN in the `token` query parameter or the X-Tremplin-Token header."""
    expected = getattr(settings, "TREMPLIN_WEBHOOK_TOKEN", "")
    given = request.GET.get("token") or request.headers.get("X-Tremplin-Token", "")
    if not expected or not hmac.compare_digest(expected.encode(), given.encode()):
        raise PermissionDenied
    try:
        events = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"error": "invalid JSON"}, status=400)
    events = events if isinstance(events, list) else [events]
    updated = 0
    for event in events:
        if not isinstance(event, dict):
            continue
        status = event.get("msg_status") or event.get("event") or ""
        found = services.record_report(str(event.get("messageId", "")), str(status), str(event.get("description", "")))
        updated += found is not None
    return JsonResponse({"updated": updated})


@require_POST
@login_required
def follow_up(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """After a missed meeting: the follow-up message, sent from the meetings' list."""
    from tremplin.interviews.models import Interview

    interview = get_object_or_404(
        Interview.objects.select_related("pathway__person__structure", "pathway__structure", "led_by"),
        public_id=public_id,
    )
    membership = check_pathway_access(request, interview.pathway, *READERS, record=interview)
    if interview.visibility not in visibilities_for(membership):
        raise Http404
    check_pathway_access(request, interview.pathway, Capability.EDIT_PEOPLE)
    try:
        services.send_follow_up(of_interview(interview), by=request.user, site_url=request.build_absolute_uri("/"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Message de relance envoyé."))
    return redirect("interviews:list", pathway_id=interview.pathway.public_id)
