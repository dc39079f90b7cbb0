"""Open Badges pages.

Managing the issuer and the badge definitions is the direction's (MANAGE_STRUCTURE). Awarding and
revoking: the social staff (EDIT_PEOPLE) and the technical supervisor of the person's team. Whoever
sees the person reads their badges. The verification page and the DID documents are public.
"""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.consent.models import ConsentKind
from tremplin.consent.services import has_consent
from tremplin.core.forms import add_validation_error
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway

from . import credentials, images, services
from .forms import AchievementForm, AwardForm, BulkAwardForm, IssuerForm, RevokeForm
from .models import Achievement, Award, DidMethod, Issuer, SigningKey

AWARDERS = (Capability.EDIT_PEOPLE, Capability.VIEW_TEAM_PEOPLE)


def _can_award(membership) -> bool:
    """Social staff, or a supervisor (who reaches the pathway only if the person is in their team)."""
    return any(membership.can(c) for c in AWARDERS)


# --- Issuer ----------------------------------------------------------------------------------


@require_membership(Capability.MANAGE_STRUCTURE)
def issuer(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    current = Issuer.objects.filter(structure=structure).first()
    if request.method == "POST" and request.POST.get("action") == "rotate" and current:
        services.rotate_key(current)
        messages.success(request, _("Nouvelle clé de signature créée ; l'ancienne reste publiée pour la vérification."))
        return redirect("badges:issuer")
    form = IssuerForm(request.POST or None, request.FILES or None, instance=current)
    if request.method == "POST" and form.is_valid():
        image = form.cleaned_data.get("image_file")
        try:
            with transaction.atomic():
                if current is None:
                    saved = services.create_issuer(
                        structure,
                        **{f: form.cleaned_data[f] for f in ("name", "url", "email", "description", "did_method")},
                    )
                else:
                    saved = form.save()
                if image:
                    saved.image, saved.image_type = image
                    saved.save(update_fields=["image", "image_type", "updated_at"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Profil d'émetteur enregistré."))
            return redirect("badges:issuer")
    keys = list(SigningKey.objects.filter(issuer=current)) if current else []
    return render(
        request,
        "badges/issuer.html",
        {
            "issuer": current,
            "form": form,
            "keys": keys,
            "did": credentials.issuer_did(current, current.active_key) if current and current.active_key else "",
            "logo": credentials.data_uri(current.image, current.image_type) if current and current.image else "",
        },
    )


def did_document(request: HttpRequest, public_id: uuid.UUID) -> JsonResponse:
    """The did:web document of an issuer: public, as any verifier must resolve it."""
    found = get_object_or_404(Issuer, public_id=public_id, did_method=DidMethod.WEB)
    return _did_response(found)


def root_did_document(request: HttpRequest) -> JsonResponse:
    """/.well-known/did.json: the issuer identified by the installation's domain name, if one is."""
    found = Issuer.objects.filter(did_method=DidMethod.WEB_ROOT).first()
    if found is None:
        raise Http404
    return _did_response(found)


def _did_response(found: Issuer) -> JsonResponse:
    document = credentials.did_document(found, SigningKey.objects.filter(issuer=found).order_by("number"))
    return JsonResponse(document, content_type="application/did+json", json_dumps_params={"indent": 2})


# --- Badge definitions -----------------------------------------------------------------------


@require_membership(Capability.MANAGE_STRUCTURE, *AWARDERS)
def achievements(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    rows = list(
        Achievement.objects.filter(structure=structure).select_related("competence").order_by("-active", "name")
    )
    for row in rows:
        row.picture = credentials.data_uri(*services.image_of(row))
    return render(
        request,
        "badges/achievements.html",
        {
            "achievements": rows,
            "has_issuer": Issuer.objects.filter(structure=structure).exists(),
            "can_manage": request.membership.can(Capability.MANAGE_STRUCTURE),
            "can_bulk": request.membership.can(Capability.EDIT_PEOPLE),
        },
    )


@require_membership(Capability.MANAGE_STRUCTURE)
def achievement_create(request: HttpRequest) -> HttpResponse:
    return _achievement_form(request, Achievement(structure=request.membership.structure))


@login_required
def achievement_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Another structure's badge: 404; a member without the capability: 403."""
    found = get_object_or_404(Achievement.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, found.structure, Capability.MANAGE_STRUCTURE)
    return _achievement_form(request, found)


def _achievement_form(request: HttpRequest, achievement: Achievement) -> HttpResponse:
    form = AchievementForm(
        request.POST or None, request.FILES or None, instance=achievement, structure=achievement.structure
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        services.fill_alignment(saved)
        if image := form.cleaned_data.get("image_file"):
            saved.image, saved.image_type = image
        saved.save()
        messages.success(request, _("Badge enregistré : %(name)s.") % {"name": saved.name})
        return redirect("badges:achievements")
    return render(request, "badges/achievement_form.html", {"form": form, "achievement": achievement})


# --- A person's badges -----------------------------------------------------------------------


@login_required
@reads_personal_data("badges")
def pathway_badges(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id)
    awards = list(
        Award.objects.filter(pathway=pathway).select_related("achievement", "awarded_by").order_by("-awarded_at")
    )
    return render(
        request,
        "badges/pathway_badges.html",
        {"pathway": pathway, "person": pathway.person, "awards": awards, "can_award": _can_award(membership)},
    )


@login_required
@reads_personal_data("badges")
def award_create(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id)
    if not _can_award(membership):
        raise PermissionDenied
    form = AwardForm(request.POST or None, structure=pathway.structure)
    if request.method == "POST" and form.is_valid():
        achievement = form.cleaned_data["achievement"]
        level = form.cleaned_data["level"]
        if _checked(form, achievement, [pathway], level):
            try:
                award = services.award_badge(
                    achievement, pathway, by=request.user, level=level, confirm=form.confirmed()
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Badge attribué : %(name)s.") % {"name": achievement.name})
                return redirect("badges:award", public_id=award.public_id)
    return render(
        request,
        "badges/award_form.html",
        {"form": form, "pathway": pathway, "person": pathway.person, "has_issuer": _has_issuer(pathway.structure)},
    )


def _has_issuer(structure) -> bool:
    return Issuer.objects.filter(structure=structure).exists()


def _checked(form, achievement, pathways, level) -> bool:
    """Puts each rule's message on the form: blocking ones on the badge, warnings on their confirmation box."""
    confirmed = form.confirmed()
    ok = True
    for pathway in pathways:
        lvl = level if level is not None else services.latest_coach_level(achievement, pathway.person)
        check = services.check_award(achievement, pathway, lvl)
        for message in check.errors:
            form.add_error("achievement", message)
            ok = False
        for code, message in check.warnings.items():
            if code not in confirmed:
                field = "confirm_criteria" if code == services.CRITERIA_NOT_MET else "confirm_reaward"
                form.add_error(field, message)
                ok = False
    return ok


@require_membership(Capability.EDIT_PEOPLE)
def bulk_award(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    pathways = (
        Pathway.objects.filter(structure=structure, status__in=ACTIVE_STATUSES)
        .select_related("person", "programme")
        .order_by("person__last_name", "person__first_name")
    )
    form = BulkAwardForm(request.POST or None, structure=structure, pathways=pathways)
    if request.method == "GET" and request.GET.get("achievement"):
        # After an evaluation: tick those whose latest coach level reaches the badge's level.
        chosen_badge = Achievement.objects.filter(
            structure=structure, active=True, public_id=_uuid_or_none(request.GET["achievement"])
        ).first()
        if chosen_badge is not None:
            rows = list(pathways)
            levels = services.latest_levels(chosen_badge, [p.person_id for p in rows])
            required = chosen_badge.required_level
            form.initial = {
                "achievement": chosen_badge.pk,
                "pathways": [
                    p.pk
                    for p in rows
                    if levels.get(p.person_id) is not None and (required is None or levels[p.person_id] >= required)
                ],
            }
            form.fields["pathways"].label_from_instance = lambda p: _bulk_label(p, levels)
    if request.method == "POST" and form.is_valid():
        achievement = form.cleaned_data["achievement"]
        chosen = list(form.cleaned_data["pathways"])
        if _checked(form, achievement, chosen, None):
            try:
                awarded = services.award_many(achievement, chosen, by=request.user, confirm=form.confirmed())
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "Badge « %(name)s » attribué à %(count)s personne.",
                        "Badge « %(name)s » attribué à %(count)s personnes.",
                        len(awarded),
                    )
                    % {"name": achievement.name, "count": len(awarded)},
                )
                return redirect("badges:achievements")
    return render(request, "badges/bulk_award.html", {"form": form, "has_issuer": _has_issuer(structure)})


def _uuid_or_none(value: str):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _bulk_label(pathway, levels: dict) -> str:
    level = levels.get(pathway.person_id)
    if level is None:
        return _("%(name)s — %(programme)s (pas d'évaluation)") % {
            "name": pathway.person.full_name,
            "programme": pathway.programme.name,
        }
    return _("%(name)s — %(programme)s (dernier niveau évalué : %(level)s)") % {
        "name": pathway.person.full_name,
        "programme": pathway.programme.name,
        "level": level,
    }


def _award(request: HttpRequest, public_id: uuid.UUID) -> tuple[Award, object]:
    award = get_object_or_404(
        Award.objects.select_related(
            "achievement",
            "pathway__person",
            "pathway__structure",
            "pathway__programme",
            "signing_key",
            "awarded_by",
            "revoked_by",
        ),
        public_id=public_id,
    )
    return award, check_pathway_access(request, award.pathway, record=award)


@login_required
@reads_personal_data("badges")
def award_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    award, membership = _award(request, public_id)
    verification = services.verify_award(award)
    return render(
        request,
        "badges/award_detail.html",
        {
            "award": award,
            "person": award.person,
            "pathway": award.pathway,
            "verification": verification,
            "public_url": request.build_absolute_uri(reverse("badges:verify", args=[award.public_id])),
            "public_badge": has_consent(award.person, ConsentKind.PUBLIC_BADGE),
            "picture": credentials.data_uri(*services.image_of(award.achievement)),
            "can_revoke": _can_award(membership) and not award.is_revoked,
            "revoke_form": RevokeForm(),
            "credential_json": json.dumps(award.credential, indent=2, ensure_ascii=False),
        },
    )


def _filename(award: Award, extension: str) -> str:
    return f"badge-{award.public_id}.{extension}"


@login_required
@reads_personal_data("badges", action="export")
def award_json(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    award, _membership = _award(request, public_id)
    response = HttpResponse(
        json.dumps(award.credential, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(award, "json")}"'
    return response


@login_required
@reads_personal_data("badges", action="export")
def award_svg(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    award, _membership = _award(request, public_id)
    data, media_type = services.image_of(award.achievement)
    if media_type != "image/svg+xml":
        data = images.generated_svg(award.achievement.name, str(award.achievement.public_id))
    response = HttpResponse(images.bake_svg(data, award.credential), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{_filename(award, "svg")}"'
    return response


@login_required
@reads_personal_data("badges", action="export")
def award_png(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    award, _membership = _award(request, public_id)
    data, media_type = services.image_of(award.achievement)
    if media_type != "image/png":
        data = images.generated_png(award.achievement.name, str(award.achievement.public_id))
    response = HttpResponse(images.bake_png(data, award.credential), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{_filename(award, "png")}"'
    return response


@require_POST
@login_required
def revoke(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    award, membership = _award(request, public_id)
    if not _can_award(membership):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.revoke(award, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Badge révoqué."))
            return redirect("badges:award", public_id=award.public_id)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, _("Révocation non enregistrée : %(error)s") % {"error": error})
    return redirect("badges:award", public_id=award.public_id)


# --- Public verification ---------------------------------------------------------------------


def verify(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Anyone holding the link: valid, revoked or expired, and what was certified. The person's name
    only with their consent to a public badge."""
    award = get_object_or_404(
        Award.objects.select_related("achievement", "person", "signing_key__issuer"), public_id=public_id
    )
    verification = services.verify_award(award)
    credential = award.credential
    response = render(
        request,
        "badges/verify.html",
        {
            "award": award,
            "verification": verification,
            "achievement": credential["credentialSubject"]["achievement"],
            "issuer_profile": credential["issuer"],
            "result": (credential["credentialSubject"].get("result") or [{}])[0].get("value"),
            "holder": award.person.full_name if has_consent(award.person, ConsentKind.PUBLIC_BADGE) else "",
        },
    )
    # The answer must reflect a revocation at once, and a person's badge is not for search engines.
    response["Cache-Control"] = "no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
