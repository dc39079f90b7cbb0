"""Information notice and consents of one person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_person_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.audit.services import log_access
from tremplin.core.elision import format_elided
from tremplin.core.forms import add_validation_error
from tremplin.core.visibility import visibilities_for
from tremplin.pathways.access import person_membership_or_404

from . import services
from .forms import ConsentForm, InformationForm, NoticeForm, WithdrawalForm
from .models import Consent

CONSENT_CAPABILITIES = (Capability.EDIT_PEOPLE, Capability.MANAGE_PERSONAL_DATA)


@login_required
@reads_personal_data("consent")
def person_consents(request: HttpRequest, person_id) -> HttpResponse:
    person, membership = person_membership_or_404(request, person_id, *CONSENT_CAPABILITIES)
    inform_form = InformationForm()
    consent_form = ConsentForm()
    if request.method == "POST":
        if "inform-informed_on" in request.POST:
            inform_form = InformationForm(request.POST)
            if inform_form.is_valid():
                try:
                    record = services.record_information(person, by=request.user, **inform_form.cleaned_data)
                except ValidationError as error:
                    add_validation_error(inform_form, error)
                else:
                    log_access(request, person=person, part="consent", action="create", obj=record)
                    messages.success(
                        request, format_elided(_("L'information de %(name)s est enregistrée."), name=person.full_name)
                    )
                    return redirect("consent:person", person_id=person.public_id)
        else:
            consent_form = ConsentForm(request.POST)
            if consent_form.is_valid():
                try:
                    consent = services.give_consent(person, by=request.user, **consent_form.cleaned_data)
                except ValidationError as error:
                    add_validation_error(consent_form, error)
                else:
                    log_access(request, person=person, part="consent", action="create", obj=consent)
                    messages.success(
                        request, format_elided(_("Le consentement de %(name)s est enregistré."), name=person.full_name)
                    )
                    return redirect("consent:person", person_id=person.public_id)
    return render(
        request,
        "consent/person_consents.html",
        {
            "person": person,
            "notice": services.notice_or_default(person.structure),
            "information_records": person.information_records.select_related("notice", "informed_by"),
            # A consent naming a health, addiction or justice partner carries its level (decision 0008).
            "consents": person.consents.visible_to(membership).select_related("recorded_by", "withdrawn_by"),
            "inform_form": inform_form,
            "consent_form": consent_form,
            "withdrawal_form": WithdrawalForm(),
        },
    )


@require_POST
@login_required
def consent_withdraw(request: HttpRequest, public_id) -> HttpResponse:
    consent = get_object_or_404(Consent.objects.select_related("person__structure"), public_id=public_id)
    person = consent.person
    membership = check_person_access(request, person, *CONSENT_CAPABILITIES)
    if consent.visibility not in visibilities_for(membership):
        raise Http404
    form = WithdrawalForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw_consent(consent, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            log_access(request, person=person, part="consent", action="update", obj=consent)
            messages.success(
                request,
                _("Le consentement « %(consent)s » est retiré : plus aucun partage de ce type à partir d'aujourd'hui.")
                % {"consent": consent},
            )
    else:
        messages.error(request, _("Les précisions sur le retrait sont trop longues."))
    return redirect("consent:person", person_id=person.public_id)


@require_membership(Capability.MANAGE_PERSONAL_DATA)
def notice(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    current = services.notice_or_default(structure)
    if request.method == "POST":
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                services.publish_notice(structure, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("La nouvelle version de la notice d'information est en vigueur."))
                return redirect("consent:notice")
    else:
        form = NoticeForm(initial={"text": current.text})
    return render(request, "consent/notice.html", {"notice": current, "form": form})
