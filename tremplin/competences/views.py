"""Referentials, evaluation sessions (the two grids, side by side), self-evaluation by link, progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_object_access, check_pathway_access, membership_in, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.core.forms import add_validation_error
from tremplin.core.qr import qr_svg
from tremplin.core.visibility import Visibility
from tremplin.documents.models import Document
from tremplin.documents.models import Kind as DocumentKind
from tremplin.documents.services import store_document
from tremplin.pathways.access import pathway_membership_or_404

from . import services
from .forms import AddCompetenceForm, EvidenceForm, OwnCompetenceForm, ProposalForm, SessionForm
from .models import (
    LEVELS,
    Competence,
    CompetenceKind,
    CompetenceSelection,
    EvaluationSession,
    Evidence,
    Family,
    JobSelection,
    Review,
    RomeJob,
    SelfMode,
)
from .progress import pathway_progression, session_radar

# Who evaluates: the social staff, and the supervisors of the person's team (checked with the pathway).
WRITERS = (Capability.EDIT_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
# Who reads: whoever sees the person (the job coach reads).
READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
MANAGERS = (Capability.MANAGE_STRUCTURE,)
PART = "competences"


def _can_write(membership) -> bool:
    return any(membership.can(c) for c in WRITERS)


# Referentials -------------------------------------------------------------------------


@require_GET
@require_membership(*MANAGERS, *WRITERS)
def referential(request: HttpRequest) -> HttpResponse:
    """What the structure evaluates: soft and basic skills, its chosen ROME jobs and skills, its own competences,
    and the competences its team proposed (the director approves or refuses them here)."""
    structure = request.membership.structure
    soft = Competence.objects.filter(kind=CompetenceKind.SOFT, structure__isnull=True).order_by("family", "name")
    basic = list(Competence.objects.filter(kind=CompetenceKind.BASIC, structure__isnull=True).order_by("name"))
    own = Competence.objects.filter(kind=CompetenceKind.OWN, structure=structure, review=Review.APPROVED).order_by(
        "name"
    )
    proposals = (
        Competence.objects.filter(structure=structure)
        .exclude(review=Review.APPROVED)
        .select_related("proposed_by", "reviewed_by")
        .order_by("-review", "-created_at")  # pending first, then refused
    )
    jobs = RomeJob.objects.filter(selections__structure=structure).order_by("code")
    chosen = Competence.objects.filter(kind=CompetenceKind.TECHNICAL, selections__structure=structure).order_by("name")
    return render(
        request,
        "competences/referential.html",
        {
            "soft": soft,
            "clea": [c for c in basic if c.family == Family.CLEA],
            "french": [c for c in basic if c.code.startswith("lang_fr")],
            "other_languages": [c for c in basic if c.family == Family.LANGUAGE and not c.code.startswith("lang_fr")],
            "own": own,
            "proposals": proposals,
            "jobs": jobs,
            "chosen": chosen,
            "can_manage": request.membership.can(Capability.MANAGE_STRUCTURE),
            "can_propose": _can_write(request.membership),
        },
    )


@require_membership(*MANAGERS)
def rome_selection(request: HttpRequest) -> HttpResponse:
    """Search the ROME jobs, pick those of the worksites, then tick the skills to evaluate."""
    structure = request.membership.structure
    if request.method == "POST":
        job = RomeJob.objects.filter(code=request.POST.get("job", "")).first()
        if job is None:
            messages.error(request, _("Métier : choisissez un métier du référentiel ROME."))
            return redirect("competences:rome_selection")
        wanted = set(request.POST.getlist("competences"))
        job_competences = {str(c.public_id): c for c in job.competences.all()}
        unknown = wanted - job_competences.keys()
        if unknown:
            messages.error(request, _("Compétences : choisissez parmi les compétences de ce métier."))
            return redirect(f"{reverse('competences:rome_selection')}?job={job.code}")
        with transaction.atomic():
            JobSelection.objects.get_or_create(structure=structure, job=job)
            CompetenceSelection.objects.filter(
                structure=structure, competence__in=list(job_competences.values())
            ).exclude(competence__public_id__in=wanted).delete()
            for key in wanted:
                CompetenceSelection.objects.get_or_create(structure=structure, competence=job_competences[key])
        messages.success(request, _("Sélection enregistrée pour %(job)s.") % {"job": job})
        return redirect(f"{reverse('competences:rome_selection')}?job={job.code}")
    query = request.GET.get("q", "").strip()[:100]
    jobs = RomeJob.objects.none()
    if query:
        jobs = RomeJob.objects.filter(
            Q(code__iexact=query) | Q(title__icontains=query) | Q(appellations__title__icontains=query)
        ).distinct()[:30]
    job = RomeJob.objects.filter(code=request.GET.get("job", "")).first()
    selected = set()
    competences = []
    if job is not None:
        competences = list(job.competences.order_by("rome_category", "name"))
        selected = set(
            CompetenceSelection.objects.filter(structure=structure, competence__in=competences).values_list(
                "competence_id", flat=True
            )
        )
    return render(
        request,
        "competences/rome_selection.html",
        {
            "query": query,
            "jobs": jobs,
            "job": job,
            "competences": competences,
            "selected": selected,
            "selected_jobs": RomeJob.objects.filter(selections__structure=structure).order_by("code"),
            "rome_loaded": RomeJob.objects.exists(),
        },
    )


@require_membership(*MANAGERS)
def own_create(request: HttpRequest) -> HttpResponse:
    return _own_form(request, Competence(structure=request.membership.structure, kind=CompetenceKind.OWN))


def _own_competence(request: HttpRequest, public_id) -> Competence:
    """A competence of one of the user's structures, which they manage (404 elsewhere, 403 without the right)."""
    competence = get_object_or_404(Competence, public_id=public_id, kind=CompetenceKind.OWN, structure__isnull=False)
    check_object_access(request, competence.structure, *MANAGERS)
    return competence


@login_required
def own_edit(request: HttpRequest, public_id) -> HttpResponse:
    return _own_form(request, _own_competence(request, public_id))


def _own_form(request: HttpRequest, competence: Competence) -> HttpResponse:
    form = OwnCompetenceForm(
        request.POST if request.method == "POST" else None,
        instance=competence,
        structure=request.membership.structure,
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Compétence enregistrée."))
        return redirect("competences:referential")
    return render(request, "competences/own_form.html", {"form": form, "competence": competence})


@require_membership(*MANAGERS, *WRITERS)
def propose(request: HttpRequest) -> HttpResponse:
    """A counsellor or a supervisor proposes a competence; it is usable once the director approves it."""
    membership = request.membership
    form = ProposalForm(request.POST if request.method == "POST" else None, structure=membership.structure)
    if request.method == "POST" and form.is_valid():
        manager = membership.can(Capability.MANAGE_STRUCTURE)
        try:
            services.propose_competence(
                membership.structure,
                by=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                levels=form.cleaned_data["levels"],
                family=form.cleaned_data["family"],
                approve=manager,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            if manager:
                messages.success(request, _("Compétence ajoutée au référentiel de la structure."))
            else:
                messages.success(request, _("Proposition envoyée : la direction l'examinera avant qu'elle serve."))
            return redirect("competences:referential")
    return render(request, "competences/proposal_form.html", {"form": form})


@require_POST
@login_required
def proposal_approve(request: HttpRequest, public_id) -> HttpResponse:
    competence = _own_competence(request, public_id)
    try:
        services.approve_proposal(competence, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s est approuvée : elle peut être évaluée.") % {"name": competence.display_name}
        )
    return redirect("competences:referential")


@require_POST
@login_required
def proposal_refuse(request: HttpRequest, public_id) -> HttpResponse:
    competence = _own_competence(request, public_id)
    try:
        services.refuse_proposal(competence, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Proposition refusée : %(name)s.") % {"name": competence.display_name})
    return redirect(f"{reverse('competences:referential')}#proposals-title")


# Sessions -----------------------------------------------------------------------------


def _session(request: HttpRequest, public_id, *capabilities) -> tuple[EvaluationSession, object]:
    session = get_object_or_404(
        EvaluationSession.objects.select_related(
            "pathway__person", "pathway__structure", "pathway__programme", "coach", "self_entered_by"
        ),
        public_id=public_id,
    )
    membership = check_pathway_access(request, session.pathway, *capabilities, record=session)
    return session, membership


@require_GET
@login_required
@reads_personal_data(PART)
def pathway_sessions(request: HttpRequest, pathway_id) -> HttpResponse:
    """The sessions of a pathway, the progression table and the first-vs-latest radar."""
    pathway, membership = pathway_membership_or_404(request, pathway_id, *READERS)
    sessions = (
        EvaluationSession.objects.filter(pathway=pathway)
        .select_related("coach")
        .annotate(competence_count=Count("scores"))
        .order_by("-held_on", "-created_at")
    )
    return render(
        request,
        "competences/pathway.html",
        {
            "pathway": pathway,
            "sessions": sessions,
            "progression": pathway_progression(pathway),
            "can_write": _can_write(membership),
        },
    )


@login_required
@reads_personal_data(PART)
def session_create(request: HttpRequest, pathway_id) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id, *WRITERS)
    form = SessionForm(request.POST if request.method == "POST" else None, structure=pathway.structure)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.create_session(
                pathway,
                held_on=form.cleaned_data["held_on"],
                moment=form.cleaned_data["moment"],
                competences=form.cleaned_data["competences"],
                coach=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("Séance créée. Remplissez votre grille et transmettez la sienne à la personne.")
            )
            return redirect("competences:session", session.public_id)
    return render(
        request,
        "competences/session_form.html",
        {"pathway": pathway, "form": form, "groups": form.competence_groups()},
    )


def _scores(session: EvaluationSession) -> list:
    return list(session.scores.select_related("competence").prefetch_related("evidence__document"))


@require_GET
@login_required
@reads_personal_data(PART)
def session_detail(request: HttpRequest, public_id) -> HttpResponse:
    """Before both grids are in: who has filled theirs, no levels. After: side by side, gaps, radar."""
    session, membership = _session(request, public_id, *READERS)
    scores = _scores(session)
    complete = services.levels_visible(session)
    return render(
        request,
        "competences/session_detail.html",
        {
            "session": session,
            "pathway": session.pathway,
            "scores": scores,
            "complete": complete,
            "radar": session_radar(session, scores) if complete else None,
            "can_write": _can_write(membership),
            "add_form": _add_form(session) if _can_write(membership) else None,
            "active_link": session.links.filter(used_at__isnull=True, revoked_at__isnull=True).first(),
        },
    )


def _add_form(session: EvaluationSession, data=None) -> AddCompetenceForm | None:
    """Until the person's grid is in, a competence of the structure's catalogue may join the session."""
    if session.self_completed_at is not None:
        return None
    return AddCompetenceForm(data, competences=services.addable_competences(session))


@require_POST
@login_required
def competence_add(request: HttpRequest, public_id) -> HttpResponse:
    session, _membership = _session(request, public_id, *WRITERS)
    form = _add_form(session, request.POST)
    if form is None:
        messages.error(
            request, _("L'auto-évaluation de cette séance est déjà enregistrée : créez une nouvelle séance.")
        )
        return redirect("competences:session", session.public_id)
    if not form.is_valid():
        messages.error(request, _("Choisissez une compétence du référentiel de votre structure."))
        return redirect("competences:session", session.public_id)
    competence = form.cleaned_data["competence"]
    try:
        services.add_competence(session, competence, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s ajoutée à la séance : indiquez son niveau dans les grilles.")
            % {"name": competence.display_name},
        )
    return redirect("competences:session", session.public_id)


def _posted_levels(request: HttpRequest) -> dict[str, str]:
    return {key[len("level-") :]: value for key, value in request.POST.items() if key.startswith("level-")}


def _grid(request: HttpRequest, session: EvaluationSession, *, side: str, template: str, extra: dict) -> HttpResponse:
    """The coach's grid, or the person's grid typed by the coach face to face: never the other side's levels."""
    scores = _scores(session)
    errors: list[str] = []
    posted = {}
    if request.method == "POST":
        posted = _posted_levels(request)
        try:
            if side == "coach":
                services.record_coach_levels(session, posted, by=request.user)
            else:
                services.record_self_levels(session, posted, mode=SelfMode.FACE_TO_FACE, by=request.user)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Grille enregistrée."))
            return redirect("competences:session", session.public_id)
    rows = []
    for score in scores:
        key = str(score.competence.public_id)
        current = posted.get(key, "")
        if not current and side == "coach" and score.coach_level is not None:
            current = str(score.coach_level)
        rows.append({"score": score, "key": key, "current": current, "levels": _levels(score.competence)})
    return render(
        request,
        template,
        {"session": session, "pathway": session.pathway, "rows": rows, "errors": errors, "side": side, **extra},
        status=400 if errors else 200,
    )


def _levels(competence: Competence) -> list[tuple[int, str]]:
    return [(level, competence.level_text(level)) for level in LEVELS]


@login_required
@reads_personal_data(PART)
def coach_grid(request: HttpRequest, public_id) -> HttpResponse:
    session, _membership = _session(request, public_id, *WRITERS)
    if session.is_complete:
        return redirect("competences:session", session.public_id)
    return _grid(request, session, side="coach", template="competences/grid.html", extra={})


@login_required
@reads_personal_data(PART)
def self_face_to_face(request: HttpRequest, public_id) -> HttpResponse:
    session, _membership = _session(request, public_id, *WRITERS)
    if session.self_completed_at is not None:
        messages.info(request, _("L'auto-évaluation de cette séance est déjà enregistrée."))
        return redirect("competences:session", session.public_id)
    return _grid(request, session, side="self", template="competences/grid.html", extra={})


@login_required
@reads_personal_data(PART)
def self_link(request: HttpRequest, public_id) -> HttpResponse:
    """GET shows the link in use (as a QR code); POST makes a new one, cancelling the previous."""
    session, _membership = _session(request, public_id, *WRITERS)
    if request.method == "POST":
        try:
            services.issue_link(session, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("competences:session", session.public_id)
        return redirect("competences:self_link", session.public_id)
    link = session.links.filter(used_at__isnull=True, revoked_at__isnull=True).first()
    url = qr = ""
    if link is not None and link.is_usable():
        url = request.build_absolute_uri(reverse("competences:self_evaluation", args=[services.token_for(link)]))
        qr = qr_svg(url, _("Code QR du lien"))
    else:
        link = None
    return render(
        request,
        "competences/link.html",
        {"session": session, "pathway": session.pathway, "link": link, "url": url, "qr": qr},
    )


@require_POST
@login_required
def comments(request: HttpRequest, public_id) -> HttpResponse:
    session, _membership = _session(request, public_id, *WRITERS)
    posted = {key[len("comment-") :]: value for key, value in request.POST.items() if key.startswith("comment-")}
    try:
        services.record_comments(session, posted)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Commentaires enregistrés."))
    return redirect("competences:session", session.public_id)


@login_required
@reads_personal_data(PART)
def evidence_add(request: HttpRequest, public_id) -> HttpResponse:
    """A situation observed, a photo of work done, an attestation: kept with the person's documents."""
    session, _membership = _session(request, public_id, *WRITERS)
    scores = _scores(session)
    form = EvidenceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        scores=scores,
    )
    if request.method == "POST" and form.is_valid():
        score = next(s for s in scores if str(s.competence.public_id) == form.cleaned_data["competence"])
        try:
            with transaction.atomic():
                document = None
                upload = form.cleaned_data.get("file")
                if upload:
                    document = store_document(
                        document=Document(
                            person=session.pathway.person,
                            pathway=session.pathway,
                            kind=DocumentKind.OTHER,
                            title=_("Preuve : %(competence)s") % {"competence": score.competence.display_name[:150]},
                            visibility=Visibility.WHOLE_TEAM,
                        ),
                        upload=upload,
                        uploaded_by=request.user,
                    )
                Evidence.objects.create(
                    score=score,
                    kind=form.cleaned_data["kind"],
                    description=form.cleaned_data["description"],
                    document=document,
                    added_by=request.user,
                )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Preuve ajoutée."))
            return redirect("competences:session", session.public_id)
    return render(
        request, "competences/evidence_form.html", {"session": session, "pathway": session.pathway, "form": form}
    )


# The person's own page, reached through the link ---------------------------------------


def self_evaluation(request: HttpRequest, token: str) -> HttpResponse:
    """The person's grid on their phone: their competences and the levels, nothing else of the file."""
    link = services.link_from_token(token)
    if link is not None and request.user.is_authenticated:
        # A signed-in member of another structure: this record does not exist for them.
        if membership_in(request.user, link.session.pathway.structure) is None:
            raise Http404
    if link is None:
        return render(request, "competences/self_dead.html", status=410 if request.method == "POST" else 200)
    session = link.session
    scores = list(session.scores.select_related("competence"))
    errors: list[str] = []
    posted = {}
    if request.method == "POST":
        posted = _posted_levels(request)
        try:
            services.submit_through_link(token, posted)
        except ValidationError as error:
            errors = error.messages
        else:
            return render(request, "competences/self_done.html")
    rows = [
        {
            "score": score,
            "key": str(score.competence.public_id),
            "current": posted.get(str(score.competence.public_id), ""),
            "levels": _levels(score.competence),
        }
        for score in scores
    ]
    return render(
        request,
        "competences/self_evaluation.html",
        {"rows": rows, "errors": errors, "first_name": session.pathway.person.first_name, "session": session},
        status=400 if errors else 200,
    )
