"""Explainable matching pages: the offers ranked for a person, the people ranked for an offer, and the
job coach's decisions (send an offer, set it aside, bring it back).

Every result shows its score broken down by factor and what is missing; offers or people ruled
out by a hard constraint are listed apart with the reason, never dropped silently.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.links import SLOT, url_maker
from tremplin.job_offers.models import ContractType, JobOffer, Shift
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.pathways.models import Pathway
from tremplin.professional_project.models import TargetJob

from . import scoring, services
from .forms import MobilityForm, NotRelevantForm
from .models import MobilityProfile, NotRelevantReason, SentOffer

CAP = Capability.MANAGE_JOB_COACHING
PAGE_SIZE = 20
EXCLUDED_PAGE_SIZE = 10
FACTOR_LABELS = {
    "project": gettext_lazy("Projet professionnel"),
    "competences": gettext_lazy("Compétences"),
    "travel": gettext_lazy("Trajet"),
}


@dataclass
class Row:
    match: scoring.Match
    obj: object  # an OfferLine or a Pathway
    rank: int | None = None
    sent_on: object = None
    # Links and button labels, written in the view: a page shows up to 30 rows with three links each.
    links: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def score_text(self) -> str:
        return _("%(score)s / 100") % {"score": self.match.score}

    @property
    def factor_lines(self) -> list[str]:
        """One sentence per factor, written here rather than in the template: the page shows up to 40 results."""
        lines = []
        for factor in self.match.factors:
            name = FACTOR_LABELS[factor.code]
            if factor.counted:
                head = _("%(name)s : %(points)s / %(max)s") % {
                    "name": name,
                    "points": round(factor.points),
                    "max": round(factor.max_points),
                }
            else:
                head = _("%(name)s : non compté") % {"name": name}
            lines.append(f"{head} — {factor.explanation}")
        return lines


class OfferLine:
    """What the ranked list shows of an offer, from the ranking query's row (no model instance)."""

    def __init__(self, row: dict):
        self.public_id = row["public_id"]
        self.title = row["title"]
        self.company_name = row["company__name"]
        self.postcode = row["postcode"]
        self.city = row["city"]
        self.contract_label = _label(ContractType, row["contract_type"])
        self.shift_labels = [_label(Shift, code) for code in (row["shifts"] or "").split(",") if code]


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _pathway(request: HttpRequest, pathway_id: uuid.UUID, *capabilities: str) -> tuple[Pathway, object]:
    """The pathway with the person's mobility, which every matching page reads."""
    return pathway_membership_or_404(
        request, pathway_id, *capabilities, related=("person__mobility", "structure", "programme")
    )


def _profile(person):
    try:
        return person.mobility
    except MobilityProfile.DoesNotExist:
        return None


@login_required
@reads_personal_data("matching")
def person_offers(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = _pathway(request, pathway_id, CAP)
    person = pathway.person
    targets = list(TargetJob.objects.filter(pathway=pathway))
    profile = _profile(person)
    facts, ranked, excluded = services.score_offers(pathway, membership, targets=targets, profile=profile)
    page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
    excluded_page = Paginator(excluded, EXCLUDED_PAGE_SIZE).get_page(request.GET.get("ecartees"))
    shown = [row[0] for row, _score in page.object_list] + [row[0] for row, _score in excluded_page.object_list]
    lines = services.offer_lines(pathway, shown)
    first = page.start_index() if ranked else 0
    offer_url = url_maker("job_offers:detail", SLOT)
    send_url = url_maker("matching:send", pathway.public_id, SLOT)
    dismiss_url = url_maker("matching:not_relevant", pathway.public_id, SLOT)
    restore_url = url_maker("matching:restore", pathway.public_id, SLOT)

    def offer_row(row, rank):
        line = OfferLine(lines[row[0]])
        offer_id = line.public_id
        return Row(
            scoring.match(facts, services.offer_facts(row)),
            line,
            rank,
            lines[row[0]]["sent_on"],
            links={
                "detail": offer_url(offer_id),
                "send": send_url(offer_id),
                "dismiss": dismiss_url(offer_id),
                "restore": restore_url(offer_id),
            },
            labels={
                "send": _("Envoyer l'offre « %(title)s »") % {"title": line.title},
                "dismiss": _("Écarter « %(title)s »") % {"title": line.title},
                "restore": _("Proposer à nouveau « %(title)s »") % {"title": line.title},
            },
        )

    ranked_rows = [offer_row(row, first + i) for i, (row, _score) in enumerate(page.object_list)]
    excluded_rows = [offer_row(row, None) for row, _score in excluded_page.object_list]
    return render(
        request,
        "matching/person_offers.html",
        {
            "pathway": pathway,
            "person": person,
            "facts": facts,
            "targets": targets,
            "mobility": profile,
            "page": page,
            "rows": ranked_rows,
            "excluded_page": excluded_page,
            "excluded_rows": excluded_rows,
            "reason_options": format_html_join("", '<option value="{}">{}</option>', NotRelevantReason.choices),
            "competences_available": facts.competences is not None,
        },
    )


@login_required
def offer_people(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    offer = get_object_or_404(JobOffer.objects.select_related("structure", "company"), public_id=public_id)
    membership = check_object_access(request, offer.structure, CAP)
    ranking = services.rank_people_for(offer, membership)
    ranked, excluded = ranking.ranked, ranking.excluded
    page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
    excluded_page = Paginator(excluded, EXCLUDED_PAGE_SIZE).get_page(request.GET.get("ecartees"))
    shown = [key for key, _s in page.object_list] + [key for key, _s in excluded_page.object_list]
    pathways = Pathway.objects.filter(pk__in=shown).select_related("person").in_bulk()
    sent = dict(SentOffer.objects.filter(offer=offer, pathway__in=shown).values_list("pathway_id", "sent_on"))
    first = page.start_index() if ranked else 0
    person_url = url_maker("matching:person", SLOT)
    send_url = url_maker("matching:send", SLOT, offer.public_id)

    def person_row(key, rank):
        pathway = pathways[key]
        name = pathway.person.full_name
        return Row(
            scoring.match(ranking.facts(key), ranking.offer_for(key)),
            pathway,
            rank,
            sent.get(key),
            links={"matching": person_url(pathway.public_id), "send": send_url(pathway.public_id)},
            labels={"send": _("Envoyer l'offre à %(name)s") % {"name": name}},
        )

    ranked_rows = [person_row(key, first + i) for i, (key, _score) in enumerate(page.object_list)]
    excluded_rows = [person_row(key, None) for key, _score in excluded_page.object_list]
    return render(
        request,
        "matching/offer_people.html",
        {
            "offer": offer,
            "page": page,
            "rows": ranked_rows,
            "excluded_page": excluded_page,
            "excluded_rows": excluded_rows,
            "total": len(ranked) + len(excluded),
            "is_open": offer.is_open(),
        },
    )


def _decision_targets(request: HttpRequest, pathway_id: uuid.UUID, offer_id: uuid.UUID):
    pathway, _membership = _pathway(request, pathway_id, CAP)
    offer = get_object_or_404(JobOffer, public_id=offer_id, structure=pathway.structure)
    return pathway, offer


def _back(request: HttpRequest, pathway: Pathway, offer: JobOffer):
    if request.POST.get("from") == "offer":
        return redirect("matching:offer", public_id=offer.public_id)
    return redirect("matching:person", pathway_id=pathway.public_id)


@require_POST
@login_required
def send(request: HttpRequest, pathway_id: uuid.UUID, offer_id: uuid.UUID) -> HttpResponse:
    pathway, offer = _decision_targets(request, pathway_id, offer_id)
    score = request.POST.get("score", "")
    try:
        services.send_offer(
            offer=offer,
            pathway=pathway,
            by=request.user,
            score=int(score) if score.isdigit() and int(score) <= 100 else None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Offre « %(title)s » envoyée à %(name)s.") % {"title": offer.title, "name": pathway.person.full_name},
        )
    return _back(request, pathway, offer)


@require_POST
@login_required
def not_relevant(request: HttpRequest, pathway_id: uuid.UUID, offer_id: uuid.UUID) -> HttpResponse:
    pathway, offer = _decision_targets(request, pathway_id, offer_id)
    form = NotRelevantForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez pourquoi cette offre ne convient pas."))
        return _back(request, pathway, offer)
    services.mark_not_relevant(offer=offer, pathway=pathway, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(
        request,
        _("Offre « %(title)s » écartée pour %(name)s : elle ne sera plus proposée.")
        % {"title": offer.title, "name": pathway.person.full_name},
    )
    return _back(request, pathway, offer)


@require_POST
@login_required
def restore(request: HttpRequest, pathway_id: uuid.UUID, offer_id: uuid.UUID) -> HttpResponse:
    pathway, offer = _decision_targets(request, pathway_id, offer_id)
    if services.restore(offer=offer, pathway=pathway):
        messages.success(request, _("Offre « %(title)s » de nouveau proposée.") % {"title": offer.title})
    return _back(request, pathway, offer)


@login_required
@reads_personal_data("mobility")
def mobility(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = _pathway(request, pathway_id)
    if not (membership.can(CAP) or membership.can(Capability.EDIT_PEOPLE)):
        raise PermissionDenied
    person = pathway.person
    profile = MobilityProfile.objects.filter(person=person).first() or MobilityProfile(
        person=person, home_postcode=person.postcode, home_city=person.city
    )
    form = MobilityForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_mobility(form.instance)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Mobilité enregistrée."))
            return (
                redirect("matching:person", pathway_id=pathway.public_id)
                if membership.can(CAP)
                else redirect("people:detail", public_id=person.public_id)
            )
    return render(
        request,
        "matching/mobility.html",
        {"form": form, "pathway": pathway, "person": person, "today": timezone.localdate()},
    )
