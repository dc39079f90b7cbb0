"""The partner directory: search, a partner's page with its services, contacts and referrals, edit forms.

Every staff role reads the directory; those who orient people keep it. A partner shared by a network is
read by all its members and edited by the structure that created it. Partners of structures the member
does not belong to (nor shares a network with) answer 404.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tremplin.accounts.access import require_membership
from tremplin.accounts.roles import Capability
from tremplin.core.forms import add_validation_error

from . import services
from .filters import PartnerFilter
from .forms import ContactForm, OrganisationForm, ServiceEditForm, ServiceForm
from .models import PartnerContact, PartnerOrganisation, PartnerService

PAGE_SIZE = 20


def _check(membership, capability: str) -> None:
    if not membership.can(capability):
        raise PermissionDenied


def _organisation_for(request: HttpRequest, public_id: uuid.UUID, capability: str, *, owner: bool = False):
    """404 unless the member's structure sees the partner; 403 without the capability or, to edit,
    when the partner belongs to another structure of the network."""
    structure = request.membership.structure
    organisation = get_object_or_404(
        PartnerOrganisation.objects.in_directory_of(structure).select_related("network", "structure"),
        public_id=public_id,
    )
    _check(request.membership, capability)
    if owner and organisation.structure_id != structure.id:
        raise PermissionDenied
    return organisation


@require_membership()
def partner_list(request: HttpRequest) -> HttpResponse:
    _check(request.membership, Capability.VIEW_PARTNER_DIRECTORY)
    structure = request.membership.structure
    filterset = PartnerFilter(request.GET or None, queryset=services.search(structure))
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/list.html",
        {
            "filter_form": filterset.form,
            "page": page,
            "is_filtered": any(request.GET.get(name) for name in filterset.filters),
            "can_manage": request.membership.can(Capability.MANAGE_PARTNER_DIRECTORY),
            "query": request.GET.urlencode() if request.GET else "",
        },
    )


@require_membership()
def partner_create(request: HttpRequest) -> HttpResponse:
    _check(request.membership, Capability.MANAGE_PARTNER_DIRECTORY)
    structure = request.membership.structure
    duplicates: list = []
    if request.method == "POST":
        form = OrganisationForm(request.POST, structure=structure, ask_confirmation=True)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("network", "confirm_duplicate")}
            data.pop("concurrency_token", None)
            try:
                organisation = services.create_organisation(
                    structure=structure,
                    by=request.user,
                    fields=data,
                    network=form.cleaned_data.get("network"),
                    confirm_duplicate=form.cleaned_data.get("confirm_duplicate", False),
                )
            except ValidationError as error:
                add_validation_error(form, error)
                duplicates = services.find_duplicates(
                    structure,
                    name=data.get("name", ""),
                    postcode=data.get("postcode", ""),
                    siret=data.get("siret", ""),
                    email=data.get("email", ""),
                )
            else:
                messages.success(request, _("Partenaire « %(name)s » ajouté à l'annuaire.") % {"name": organisation})
                return redirect("partners:detail", organisation.public_id)
    else:
        form = OrganisationForm(structure=structure)
    return render(
        request, "partners/organisation_form.html", {"form": form, "duplicates": duplicates, "organisation": None}
    )


@require_membership()
def partner_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation_for(request, public_id, Capability.VIEW_PARTNER_DIRECTORY)
    membership = request.membership
    service_list = list(organisation.services.prefetch_related("needs").annotate(n_orientations=Count("orientations")))
    contacts = list(organisation.contacts.all())
    referrals = organisation.orientations.filter(pathway__structure=membership.structure)
    sees_people = membership.can(Capability.VIEW_ALL_PEOPLE)
    history = (
        list(referrals.select_related("pathway__person", "service").order_by("-created_at")[:50]) if sees_people else []
    )
    counts = {row["status"]: row["n"] for row in referrals.order_by().values("status").annotate(n=Count("pk"))}
    from tremplin.orientations.models import OrientationStatus

    status_counts = [(label, counts.get(value, 0)) for value, label in OrientationStatus.choices]
    return render(
        request,
        "partners/detail.html",
        {
            "organisation": organisation,
            "services": service_list,
            "contacts": contacts,
            "history": history,
            "sees_people": sees_people,
            "status_counts": status_counts,
            "total_referrals": sum(counts.values()),
            "can_manage": membership.can(Capability.MANAGE_PARTNER_DIRECTORY)
            and organisation.structure_id == membership.structure_id,
        },
    )


@require_membership()
def partner_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation_for(request, public_id, Capability.MANAGE_PARTNER_DIRECTORY, owner=True)
    structure = request.membership.structure
    duplicates: list = []
    if request.method == "POST":
        form = OrganisationForm(request.POST, instance=organisation, structure=structure)
        if form.is_valid():
            duplicates = services.find_duplicates(
                structure,
                name=form.cleaned_data["name"],
                postcode=form.cleaned_data.get("postcode", ""),
                siret=form.cleaned_data.get("siret", ""),
                email=form.cleaned_data.get("email", ""),
                exclude=organisation,
            )
            if form.save_unless_changed() is not None:
                messages.success(request, _("Fiche du partenaire enregistrée."))
                if duplicates:
                    messages.warning(
                        request,
                        _(
                            "Attention : %(names)s ressemble à ce partenaire (même nom et code postal, SIRET ou courriel)."
                        )
                        % {"names": ", ".join(d.name for d in duplicates)},
                    )
                return redirect("partners:detail", organisation.public_id)
    else:
        form = OrganisationForm(instance=organisation, structure=structure)
    return render(
        request,
        "partners/organisation_form.html",
        {"form": form, "duplicates": duplicates, "organisation": organisation},
    )


@require_membership()
def service_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation_for(request, public_id, Capability.MANAGE_PARTNER_DIRECTORY, owner=True)
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_service(
                organisation=organisation,
                name=form.cleaned_data["name"],
                description=form.cleaned_data.get("description", ""),
                needs=form.cleaned_data["needs"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Service ajouté."))
            return redirect("partners:detail", organisation.public_id)
    return render(request, "partners/service_form.html", {"form": form, "organisation": organisation, "service": None})


@require_membership()
def service_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    service = get_object_or_404(
        PartnerService.objects.select_related("organisation").prefetch_related("needs"), public_id=public_id
    )
    organisation = _organisation_for(
        request, service.organisation.public_id, Capability.MANAGE_PARTNER_DIRECTORY, owner=True
    )
    initial = {"name": service.name, "description": service.description, "needs": service.need_codes}
    initial["is_active"] = service.is_active
    form = ServiceEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_service(
                organisation=organisation,
                service=service,
                name=form.cleaned_data["name"],
                description=form.cleaned_data.get("description", ""),
                needs=form.cleaned_data["needs"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if service.is_active != form.cleaned_data["is_active"]:
                service.is_active = form.cleaned_data["is_active"]
                service.save(update_fields=["is_active", "updated_at"])
            messages.success(request, _("Service enregistré."))
            return redirect("partners:detail", organisation.public_id)
    return render(
        request, "partners/service_form.html", {"form": form, "organisation": organisation, "service": service}
    )


@require_membership()
def contact_add(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation_for(request, public_id, Capability.MANAGE_PARTNER_DIRECTORY, owner=True)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contact(
                organisation=organisation,
                **{k: form.cleaned_data.get(k, "") for k in ("name", "role", "phone", "email")},
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Contact ajouté."))
            return redirect("partners:detail", organisation.public_id)
    return render(request, "partners/contact_form.html", {"form": form, "organisation": organisation, "contact": None})


@require_membership()
def contact_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contact = get_object_or_404(PartnerContact.objects.select_related("organisation"), public_id=public_id)
    organisation = _organisation_for(
        request, contact.organisation.public_id, Capability.MANAGE_PARTNER_DIRECTORY, owner=True
    )
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid() and form.save_unless_changed() is not None:
        messages.success(request, _("Contact enregistré."))
        return redirect("partners:detail", organisation.public_id)
    return render(
        request, "partners/contact_form.html", {"form": form, "organisation": organisation, "contact": contact}
    )


def detail_url(organisation) -> str:
    return reverse("partners:detail", args=[organisation.public_id])
