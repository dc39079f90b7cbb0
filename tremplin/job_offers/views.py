"""Job offers of the structure: list, entry by hand, and the two-step import (report, then confirmation)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.core.forms import add_validation_error
from tremplin.core.search_keys import search_key
from tremplin.employers.models import Company

from . import services
from .forms import ImportForm, JobOfferEditForm, JobOfferForm
from .models import ImportStatus, JobOffer, OfferImport, OfferStatus

CAP = Capability.MANAGE_JOB_COACHING


def _offer(request: HttpRequest, public_id: uuid.UUID) -> JobOffer:
    offer = get_object_or_404(JobOffer.objects.select_related("structure", "company", "site"), public_id=public_id)
    check_object_access(request, offer.structure, CAP)
    return offer


@require_membership(CAP)
def offer_list(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    offers = (
        JobOffer.objects.filter(structure=structure)
        .select_related("company")
        .annotate(sent_count=Count("sent_to", distinct=True))
    )
    status = request.GET.get("statut", OfferStatus.OPEN)
    if status in OfferStatus.values:
        offers = offers.filter(status=status)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        matches = (
            Q(title__icontains=query)
            | Q(company__name__icontains=query)
            | Q(job_code__iexact=query)
            | Q(city__icontains=query)
        )
        if key := search_key(query):
            matches |= Q(search_title__contains=key)  # accents and case ignored: "preparateur" finds « Préparateur »
        offers = offers.filter(matches)
    page = Paginator(offers.order_by("-created_at", "-id"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "job_offers/offer_list.html",
        {
            "page": page,
            "status": status,
            "statuses": OfferStatus.choices,
            "query": query,
            "today": timezone.localdate(),
        },
    )


@require_membership(CAP)
def offer_create(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    initial = {}
    company_id = request.GET.get("entreprise", "")
    try:
        initial["company"] = Company.objects.get(structure=structure, public_id=uuid.UUID(company_id)).pk
    except (ValueError, Company.DoesNotExist):
        pass
    form = JobOfferForm(request.POST if request.method == "POST" else None, structure=structure, initial=initial)
    if request.method == "POST" and form.is_valid():
        offer = form.save(commit=False)
        offer.structure = structure
        try:
            services.save_offer(offer, by=request.user, new=True)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Offre enregistrée : %(title)s.") % {"title": offer.title})
            return redirect("job_offers:detail", public_id=offer.public_id)
    return render(
        request,
        "job_offers/offer_form.html",
        {"form": form, "title": _("Saisir une offre d'emploi")},
    )


@login_required
def offer_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    offer = _offer(request, public_id)
    return render(request, "job_offers/offer_detail.html", {"offer": offer})


@login_required
def offer_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    offer = _offer(request, public_id)
    saved_title = offer.title
    form = JobOfferEditForm(
        request.POST if request.method == "POST" else None, instance=offer, structure=offer.structure
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.fill_place_from_site(form.instance)
            services.validate_offer(form.instance, new=False)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if form.save_unless_changed() is not None:
                messages.success(request, _("Offre enregistrée : %(title)s.") % {"title": offer.title})
                return redirect("job_offers:detail", public_id=offer.public_id)
    return render(
        request,
        "job_offers/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "title": _("Modifier l'offre %(title)s") % {"title": saved_title},
        },
    )


@require_membership(CAP)
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(
        request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.MAX_FILE_BYTES:
            form.add_error("file", _("Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers."))
        else:
            try:
                offer_import = services.check_file(
                    request.membership.structure, name=upload.name, content=upload.read(), by=request.user
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                return redirect("job_offers:import_report", public_id=offer_import.public_id)
    return render(request, "job_offers/import.html", {"form": form, "columns": services.columns()})


@require_membership(CAP)
def import_sample(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(services.sample_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-offres.csv"'
    return response


@login_required
def import_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    offer_import = get_object_or_404(OfferImport.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, offer_import.structure, CAP)
    if request.method == "POST":
        if request.POST.get("action") == "cancel" and offer_import.status == ImportStatus.CHECKED:
            offer_import.status = ImportStatus.CANCELLED
            offer_import.save(update_fields=["status", "updated_at"])
            messages.info(request, _("Import abandonné : aucune offre n'a été créée."))
            return redirect("job_offers:import")
        try:
            count = services.confirm_import(offer_import, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("job_offers:import_report", public_id=offer_import.public_id)
        messages.success(
            request, ngettext("%(count)s offre importée.", "%(count)s offres importées.", count) % {"count": count}
        )
        return redirect("job_offers:list")
    return render(
        request,
        "job_offers/import_report.html",
        {
            "offer_import": offer_import,
            "problems": offer_import.problems,
            "new_companies": services.new_companies(offer_import)
            if offer_import.status == ImportStatus.CHECKED
            else [],
            "can_confirm": offer_import.status == ImportStatus.CHECKED and bool(offer_import.rows),
        },
    )
