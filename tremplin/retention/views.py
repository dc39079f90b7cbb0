"""Retention durations, the purge plan (a dry run) and legal holds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.access import require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.audit.services import log_access, retention_days
from tremplin.core.elision import format_elided
from tremplin.core.forms import add_validation_error
from tremplin.pathways.access import person_or_404

from . import services
from .forms import LegalHoldForm, RetentionSettingsForm
from .rules import RULES

PAGE_SIZE = 25


@require_membership(Capability.MANAGE_PERSONAL_DATA)
def retention_settings(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    overrides = services.all_overrides(structure)
    current = {category: months for (_structure_id, category), months in overrides.items()}
    if request.method == "POST":
        form = RetentionSettingsForm(request.POST, current=current)
        if form.is_valid():
            try:
                services.save_settings(structure, form.cleaned_data, by=request.user)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Les durées de conservation de la structure sont enregistrées."))
                return redirect("retention:settings")
    else:
        form = RetentionSettingsForm(current=current)
    rules = [
        {
            "rule": rule,
            "months": services.months_for(structure.pk, category, overrides),
            "overridden": category in current,
        }
        for category, rule in RULES.items()
    ]
    # The access log is purged by the audit app, with its own setting: shown here, not set here.
    access_log_days = retention_days()[0]
    return render(
        request, "retention/settings.html", {"form": form, "rules": rules, "access_log_days": access_log_days}
    )


@require_membership(Capability.MANAGE_PERSONAL_DATA)
def purge_plan(request: HttpRequest) -> HttpResponse:
    """What the nightly purge would do today in this structure; nothing is changed here."""
    actions = services.plan_purge(timezone.localdate(), structure=request.membership.structure)
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "retention/plan.html", {"page": page, "total": len(actions)})


@login_required
@reads_personal_data("legal_hold")
def legal_hold(request: HttpRequest, person_id) -> HttpResponse:
    person = person_or_404(request, person_id, Capability.MANAGE_PERSONAL_DATA)
    holds = list(person.legal_holds.select_related("placed_by", "lifted_by"))
    active = next((hold for hold in holds if hold.lifted_on is None), None)
    form = LegalHoldForm()
    if request.method == "POST":
        if request.POST.get("action") == "lift":
            if active is None:
                messages.error(request, _("Aucun gel en cours pour cette personne."))
            else:
                services.lift_hold(active, by=request.user)
                log_access(request, person=person, part="legal_hold", action="update", obj=active)
                messages.success(request, _("Le gel est levé : les règles de conservation s'appliquent de nouveau."))
            return redirect("retention:hold", person_id=person.public_id)
        if active is not None:
            messages.error(request, _("Les données de cette personne sont déjà gelées."))
            return redirect("retention:hold", person_id=person.public_id)
        form = LegalHoldForm(request.POST)
        if form.is_valid():
            try:
                hold = services.place_hold(person, reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                log_access(request, person=person, part="legal_hold", action="create", obj=hold)
                messages.success(
                    request,
                    format_elided(
                        _("Les données de %(name)s sont gelées : la purge ne les touchera pas."), name=person.full_name
                    ),
                )
                return redirect("retention:hold", person_id=person.public_id)
    return render(
        request,
        "retention/hold.html",
        {
            "person": person,
            "holds": holds,
            "active": active,
            "form": form,
            "anonymised": services.is_anonymised(person),
        },
    )
