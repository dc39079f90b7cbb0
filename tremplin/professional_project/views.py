"""The person's professional project: the jobs they aim at, explored then confirmed.

The social staff write it (EDIT_PEOPLE); whoever reads all the people's files reads
it too (the job coach works from it). A technical supervisor does not.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import check_pathway_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.pathways.access import pathway_membership_or_404
from tremplin.pathways.models import Pathway

from .forms import JobSearchForm, TargetJobEditForm, TargetJobForm
from .jobs import search_jobs
from .models import TargetJob


def _status_history(pathway: Pathway) -> dict[int, list]:
    """For each target job of the pathway, its successive statuses with their dates (one query)."""
    rows = (
        TargetJob.history.filter(pathway_id=pathway.pk)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "history_date")
    )
    labels = dict(TargetJob._meta.get_field("status").flatchoices)
    changes: dict[int, list] = defaultdict(list)
    for job_id, status, when in rows:
        if not changes[job_id] or changes[job_id][-1][0] != status:
            changes[job_id].append((status, labels.get(status, status), when))
    return changes


@login_required
@reads_personal_data("professional_project")
def job_list(request: HttpRequest, pathway_id: uuid.UUID) -> HttpResponse:
    pathway, membership = pathway_membership_or_404(request, pathway_id, Capability.VIEW_ALL_PEOPLE)
    can_edit = membership.can(Capability.EDIT_PEOPLE)
    form = TargetJobForm() if can_edit else None
    if request.method == "POST":
        check_pathway_access(request, pathway, Capability.EDIT_PEOPLE)
        form = TargetJobForm(request.POST, instance=TargetJob(pathway=pathway, created_by=request.user))
        if form.is_valid():
            job = form.save()
            messages.success(request, _("Métier visé ajouté : %(title)s.") % {"title": job.title})
            return redirect("professional_project:list", pathway_id=pathway.public_id)
    jobs = list(pathway.target_jobs.all())
    history = _status_history(pathway)
    for job in jobs:
        job.status_changes = history.get(job.pk, [])
    return render(
        request,
        "professional_project/list.html",
        {
            "pathway": pathway,
            "person": pathway.person,
            "jobs": jobs,
            "form": form,
            "can_edit": can_edit,
        },
    )


def _job_for(request: HttpRequest, public_id: uuid.UUID, *capabilities: str) -> TargetJob:
    job = get_object_or_404(
        TargetJob.objects.select_related("pathway__person", "pathway__programme", "pathway__structure"),
        public_id=public_id,
    )
    check_pathway_access(request, job.pathway, *capabilities, record=job)
    return job


@login_required
@reads_personal_data("professional_project")
def job_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    job = _job_for(request, public_id, Capability.EDIT_PEOPLE)
    saved_title = job.title
    if request.method == "POST":
        form = TargetJobEditForm(request.POST, instance=job)
        if form.is_valid() and form.save_unless_changed() is not None:
            messages.success(request, _("Métier visé enregistré : %(title)s.") % {"title": job.title})
            return redirect("professional_project:list", pathway_id=job.pathway.public_id)
    else:
        form = TargetJobEditForm(instance=job)
    return render(
        request,
        "professional_project/edit.html",
        {"form": form, "job": job, "saved_title": saved_title},
    )


@require_POST
@login_required
def job_delete(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    job = _job_for(request, public_id, Capability.EDIT_PEOPLE)
    pathway_id = job.pathway.public_id
    job.delete()
    messages.success(request, _("Métier visé retiré du projet : %(title)s.") % {"title": job.title})
    return redirect("professional_project:list", pathway_id=pathway_id)


# Who chooses a target job or an offer's job searches the job referential.
JOB_CHOOSERS = (Capability.EDIT_PEOPLE, Capability.MANAGE_JOB_COACHING)
LISTBOX_ID = re.compile(r"^[A-Za-z][\w-]{0,59}$")


@require_GET
@require_membership(*JOB_CHOOSERS)
def job_suggestions(request: HttpRequest) -> HttpResponse:
    """The options of the job autocomplete (htmx fragment): built-in names, then the imported referential."""
    listbox = request.GET.get("listbox", "")
    if not LISTBOX_ID.match(listbox):
        listbox = "job-options"
    query = request.GET.get("q", "")
    return render(
        request,
        "professional_project/_job_options.html",
        {"jobs": search_jobs(query), "listbox": listbox, "query": query.strip()},
    )


@require_GET
@require_membership(*JOB_CHOOSERS)
def job_search(request: HttpRequest) -> HttpResponse:
    """The whole search as a page, for whoever types without the autocomplete (no script)."""
    form = JobSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    jobs = search_jobs(query, limit=50) if query else []
    return render(request, "professional_project/job_search.html", {"form": form, "jobs": jobs, "query": query})
