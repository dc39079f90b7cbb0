"""The employer network: list, company page with its sites, contacts, interactions and history, and their forms.

Everything here is about the structure, not one person; it needs MANAGE_JOB_COACHING, and
another structure's company is a 404.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.core.forms import add_validation_error

from . import services
from .forms import CompanyEditForm, CompanyForm, ContactForm, InteractionForm, SiteForm
from .models import Company, Contact, RelationshipKind, Site, normalise_name

CAP = Capability.MANAGE_JOB_COACHING


def _company(request: HttpRequest, public_id: uuid.UUID) -> Company:
    company = get_object_or_404(Company.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, company.structure, CAP)
    return company


@require_membership(CAP)
def company_list(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    companies = Company.objects.filter(structure=structure).annotate(
        open_offers=Count("job_offers", filter=Q(job_offers__status="open"), distinct=True),
        last_interaction=Max("interactions__happened_on"),
        next_step_on=Min("interactions__next_step_on", filter=Q(interactions__next_step_on__gte=timezone.localdate())),
    )
    query = request.GET.get("q", "").strip()[:100]
    if query:
        matches = Q(name__icontains=query) | Q(sector__icontains=query) | Q(identifier__startswith=query)
        if key := normalise_name(query):
            matches |= Q(name_normalised__contains=key)  # accents and case ignored: "elise" finds « Élise »
        companies = companies.filter(matches)
    relationship = request.GET.get("relation", "")
    if relationship in RelationshipKind.values:
        companies = companies.filter(relationships__contains=f",{relationship},")
    page = Paginator(companies.order_by("name", "id"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/company_list.html",
        {"page": page, "query": query, "relation": relationship, "relations": RelationshipKind.choices},
    )


@require_membership(CAP)
def company_create(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        company = form.save(commit=False)
        company.structure = request.membership.structure
        try:
            services.save_company(
                company, by=request.user, accept_similar_name=form.cleaned_data["accept_similar_name"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Entreprise ajoutée au réseau : %(name)s.") % {"name": company.name})
            return redirect("employers:detail", public_id=company.public_id)
    return render(request, "employers/form.html", {"form": form, "title": _("Ajouter une entreprise au réseau")})


@login_required
def company_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    company = _company(request, public_id)
    from tremplin.job_offers.models import JobOffer

    return render(
        request,
        "employers/company_detail.html",
        {
            "company": company,
            "sites": company.sites.all(),
            "contacts": company.contacts.select_related("site"),
            "interactions": company.interactions.select_related("contact", "by")[:30],
            "offers": JobOffer.objects.filter(company=company).order_by("-created_at")[:30],
            "history": services.history(company),
        },
    )


@login_required
def company_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    company = _company(request, public_id)
    saved_name = company.name
    form = CompanyEditForm(request.POST if request.method == "POST" else None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.validate_company(form.instance, accept_similar_name=form.cleaned_data["accept_similar_name"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if form.save_unless_changed() is not None:
                messages.success(request, _("Entreprise enregistrée : %(name)s.") % {"name": company.name})
                return redirect("employers:detail", public_id=company.public_id)
    return render(
        request,
        "employers/form.html",
        {"form": form, "company": company, "title": _("Modifier l'entreprise %(name)s") % {"name": saved_name}},
    )


@login_required
def site_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    company = _company(request, public_id)
    form = SiteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        site = form.save(commit=False)
        site.company = company
        site.save()
        messages.success(request, _("Site ajouté : %(name)s.") % {"name": site.name})
        return redirect("employers:detail", public_id=company.public_id)
    title = _("Ajouter un site à %(name)s") % {"name": company.name}
    return render(request, "employers/form.html", {"form": form, "company": company, "title": title})


@login_required
def site_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    site = get_object_or_404(Site.objects.select_related("company__structure"), public_id=public_id)
    check_object_access(request, site.company.structure, CAP)
    form = SiteForm(request.POST if request.method == "POST" else None, instance=site)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Site enregistré : %(name)s.") % {"name": site.name})
        return redirect("employers:detail", public_id=site.company.public_id)
    title = _("Modifier le site %(name)s") % {"name": site.name}
    return render(request, "employers/form.html", {"form": form, "company": site.company, "title": title})


@login_required
def contact_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    company = _company(request, public_id)
    form = ContactForm(request.POST if request.method == "POST" else None, company=company)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.company = company
        contact.save()
        messages.success(request, _("Contact ajouté : %(name)s.") % {"name": contact})
        return redirect("employers:detail", public_id=company.public_id)
    title = _("Ajouter un contact chez %(name)s") % {"name": company.name}
    return render(request, "employers/form.html", {"form": form, "company": company, "title": title})


@login_required
def contact_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contact = get_object_or_404(Contact.objects.select_related("company__structure"), public_id=public_id)
    check_object_access(request, contact.company.structure, CAP)
    form = ContactForm(request.POST if request.method == "POST" else None, instance=contact, company=contact.company)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Contact enregistré : %(name)s.") % {"name": contact})
        return redirect("employers:detail", public_id=contact.company.public_id)
    title = _("Modifier le contact %(name)s") % {"name": contact}
    return render(request, "employers/form.html", {"form": form, "company": contact.company, "title": title})


@login_required
def interaction_create(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    company = _company(request, public_id)
    form = InteractionForm(request.POST if request.method == "POST" else None, company=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_interaction(company, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Échange enregistré."))
            return redirect("employers:detail", public_id=company.public_id)
    title = _("Noter un échange avec %(name)s") % {"name": company.name}
    return render(request, "employers/form.html", {"form": form, "company": company, "title": title})
