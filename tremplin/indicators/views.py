"""The structure's indicators for a period and programme, and the people behind one figure."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tremplin.accounts.access import check_object_access, require_membership, saw_people
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.barriers.models import Barrier
from tremplin.core.forms import add_validation_error
from tremplin.core.pdf import pdf_response, render_pdf
from tremplin.exits.models import Exit
from tremplin.orientations.models import Orientation
from tremplin.pathways.models import Pathway
from tremplin.programmes.models import Programme

from . import exports, services
from .forms import CommentsForm, PeriodForm, TargetsForm
from .models import Report
from .presentation import build_sections, label_of
from .targets import progress as target_progress
from .targets import save_targets

# Figures whose list would tell the exit or the barrier: the list keeps only those the reader's levels read.
EXIT_KINDS = ("exits", "category", "length", "follow_up")
# Who counts in an eligibility criterion (addiction, justice…) or as a disabled worker: the social staff only.
SOCIAL_KINDS = ("criterion", "disability")


def _form(request: HttpRequest, structure) -> PeriodForm:
    programmes = list(Programme.objects.filter(structure=structure).order_by("name"))
    return PeriodForm(request.GET or None, programmes=programmes, default=services.default_period())


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def page(request: HttpRequest) -> HttpResponse:
    """Counts only: the names are one click further, on the people page, which logs the read."""
    membership = request.membership
    structure = membership.structure
    form = _form(request, structure)
    result = services.compute(structure, form.period(), form.chosen_programme())
    sections = build_sections(result, query=form.query(), links=membership.can(Capability.VIEW_ALL_PEOPLE))
    return render(
        request,
        "indicators/page.html",
        {"form": form, "result": result, "sections": sections, "structure": structure, "today": timezone.localdate()},
    )


def _visible_pathway_ids(key: str, pathway_ids: frozenset[int], membership) -> set[int]:
    kind = key.split(":", 1)[0]
    if kind in SOCIAL_KINDS and not membership.can(Capability.READ_SOCIAL_STAFF_ONLY):
        return set()
    if kind in EXIT_KINDS or key.startswith(("exits_", "length_", "be_")):
        return set(
            Exit.objects.filter(pathway_id__in=pathway_ids).visible_to(membership).values_list("pathway_id", flat=True)
        )
    if kind == "orientation":
        return set(
            Orientation.objects.filter(pathway_id__in=pathway_ids)
            .visible_to(membership)
            .values_list("pathway_id", flat=True)
        )
    if kind == "barrier":
        domain = key.split(":")[1]
        return set(
            Barrier.objects.filter(pathway_id__in=pathway_ids, domain=domain)
            .visible_to(membership)
            .values_list("pathway_id", flat=True)
        )
    return set(pathway_ids)


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
@reads_personal_data("indicator_people")
def people(request: HttpRequest) -> HttpResponse:
    """The pathways behind one figure (`?figure=`, people supported when none), at the reader's visibility
    levels; one access-log row per person shown."""
    membership = request.membership
    if not membership.can(Capability.VIEW_ALL_PEOPLE):
        raise PermissionDenied
    structure = membership.structure
    form = _form(request, structure)
    result = services.compute(structure, form.period(), form.chosen_programme())
    figure = request.GET.get("figure") or "supported"
    chosen = result.get(figure)
    if chosen is None:
        raise Http404
    visible = _visible_pathway_ids(figure, chosen.pathway_ids, membership)
    pathways = list(
        Pathway.objects.filter(pk__in=visible, structure=structure)
        .select_related("person", "programme")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    saw_people(request, [p.person for p in pathways])
    return render(
        request,
        "indicators/people.html",
        {
            "form": form,
            "result": result,
            "figure": chosen,
            "label": label_of(figure, result),
            "pathways": pathways,
            "hidden": len(chosen.pathway_ids) - len(pathways),
            "query": form.query(),
        },
    )


# --- Activity reports -------------------------------------------------------------------------------------


def _report_for(request: HttpRequest, public_id) -> Report:
    """404 outside the structure, 403 without the dashboard (check_object_access)."""
    report = get_object_or_404(Report.objects.select_related("structure", "programme"), public_id=public_id)
    check_object_access(request, report.structure, Capability.VIEW_STRUCTURE_DASHBOARD)
    return report


def _report_sections(report: Report):
    result = services.report_indicators(report)
    return result, build_sections(result, query="", links=False)


@require_http_methods(["GET", "POST"])
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def reports(request: HttpRequest) -> HttpResponse:
    """The structure's activity reports; the direction makes a new one for a period and programme."""
    membership = request.membership
    structure = membership.structure
    may_write = membership.can(Capability.WRITE_ACTIVITY_REPORTS)
    programmes = list(Programme.objects.filter(structure=structure).order_by("name"))
    default = services.default_period(timezone.localdate().replace(year=timezone.localdate().year - 1))
    form = PeriodForm(request.POST if request.method == "POST" else None, programmes=programmes, default=default)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied
        if form.is_valid():
            report = services.create_report(structure, form.period(), form.chosen_programme(), by=request.user)
            messages.success(request, _("Rapport établi : les chiffres sont arrêtés à aujourd'hui."))
            return redirect("indicators:report", public_id=report.public_id)
    rows = list(Report.objects.filter(structure=structure).select_related("programme")[:100])
    return render(request, "indicators/reports.html", {"form": form, "reports": rows, "may_write": may_write})


@require_http_methods(["GET", "POST"])
@login_required
def report(request: HttpRequest, public_id) -> HttpResponse:
    item = _report_for(request, public_id)
    membership = request.membership
    result, sections = _report_sections(item)
    may_write = membership.can(Capability.WRITE_ACTIVITY_REPORTS)
    initial = {f"comment_{key}": text for key, text in item.comments.items()}
    form = CommentsForm(request.POST if request.method == "POST" else None, sections=sections, initial=initial)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.save_comments(item, form.comments(), sections=[s.key for s in sections])
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Commentaires enregistrés."))
                return redirect("indicators:report", public_id=item.public_id)
    return render(
        request,
        "indicators/report.html",
        {"report": item, "result": result, "sections": sections, "form": form, "may_write": may_write},
    )


def _filename(item: Report, extension: str) -> str:
    programme = slugify(item.programme.name) if item.programme else "tous-dispositifs"
    return f"rapport-activite-{slugify(item.structure.name)}-{programme}-{item.start:%Y-%m-%d}-{item.end:%Y-%m-%d}.{extension}"


def _meta(item: Report) -> list[tuple[str, str]]:
    return [
        (_("Structure"), item.structure.name),
        (_("Dispositif"), item.programme.name if item.programme else _("tous les dispositifs")),
        (_("Début de la période"), item.start.isoformat()),
        (_("Fin de la période"), item.end.isoformat()),
        (_("Chiffres arrêtés le"), item.computed_on.isoformat()),
    ]


@require_GET
@login_required
def report_pdf(request: HttpRequest, public_id) -> HttpResponse:
    item = _report_for(request, public_id)
    result, sections = _report_sections(item)
    pdf = render_pdf("indicators/report_pdf.html", {"report": item, "result": result, "sections": sections})
    return pdf_response(pdf, _filename(item, "pdf"))


def _download(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def report_xlsx(request: HttpRequest, public_id) -> HttpResponse:
    item = _report_for(request, public_id)
    _result, sections = _report_sections(item)
    content = exports.xlsx(_meta(item), exports.sheets(sections))
    return _download(
        content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _filename(item, "xlsx")
    )


@require_GET
@login_required
def report_csv(request: HttpRequest, public_id) -> HttpResponse:
    item = _report_for(request, public_id)
    _result, sections = _report_sections(item)
    return _download(exports.csv_text(exports.sheets(sections)), "text/csv; charset=utf-8", _filename(item, "csv"))


# --- Yearly targets ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def targets(request: HttpRequest) -> HttpResponse:
    """The year's targets and progress; the direction enters them."""
    membership = request.membership
    structure = membership.structure
    may_write = membership.can(Capability.WRITE_ACTIVITY_REPORTS)
    today = timezone.localdate()
    current, rows = target_progress(structure, today)
    initial = {"year": today.year}
    if current is not None:
        initial |= {"dynamic_exit_rate": current.dynamic_exit_rate, "people": current.people, "hours": current.hours}
    form = TargetsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            save_targets(
                structure,
                data["year"],
                dynamic_exit_rate=data["dynamic_exit_rate"],
                people=data["people"],
                hours=data["hours"],
                by=request.user,
            )
            messages.success(request, _("Objectifs enregistrés."))
            return redirect("indicators:targets")
    return render(
        request,
        "indicators/targets.html",
        {"form": form, "target": current, "rows": rows, "may_write": may_write, "today": today},
    )


@require_GET
@require_membership(Capability.VIEW_STRUCTURE_DASHBOARD)
def progress(request: HttpRequest) -> HttpResponse:
    """The dashboard's block (loaded after the page, so the dashboard's own queries do not change)."""
    current, rows = target_progress(request.membership.structure)
    return render(request, "indicators/_progress.html", {"target": current, "rows": rows})
