"""The person's portfolio: experiences, trainings, certifications, recognised competences, badges."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.access import person_visible_to
from tremplin.accounts.roles import Capability
from tremplin.audit.reads import reads_personal_data
from tremplin.pathways.access import current_pathway, person_membership_or_404
from tremplin.people.models import Person

from .forms import CertificationForm, ExperienceForm, TrainingForm
from .models import Certification, Experience, Training
from .services import badges_of, recognised_competences

READERS = (Capability.VIEW_ALL_PEOPLE, Capability.VIEW_TEAM_PEOPLE)
EDITORS = (Capability.EDIT_PEOPLE,)
PART = "portfolio"

KINDS = {
    "experience": (Experience, ExperienceForm, gettext_lazy("expérience")),
    "training": (Training, TrainingForm, gettext_lazy("formation")),
    "certification": (Certification, CertificationForm, gettext_lazy("certification ou habilitation")),
}


def _person(request: HttpRequest, person_id, *capabilities) -> tuple[Person, object]:
    """The person, 404 also to a supervisor outside their team: reading a portfolio needs seeing the person."""
    person, membership = person_membership_or_404(request, person_id, *capabilities)
    if not person_visible_to(membership, person):
        raise Http404
    return person, membership


@require_GET
@login_required
@reads_personal_data(PART)
def person(request: HttpRequest, person_id) -> HttpResponse:
    person, membership = _person(request, person_id, *READERS)
    today = timezone.localdate()
    certifications = list(person.certifications.all())
    for certification in certifications:
        certification.expired_now = certification.is_expired_on(today)
        certification.soon = certification.expires_soon_on(today)
    return render(
        request,
        "portfolio/person.html",
        {
            "person": person,
            "programme_pathway": current_pathway(person),
            "experiences": person.experiences.all(),
            "trainings": person.trainings.all(),
            "certifications": certifications,
            "recognised": recognised_competences(person),
            "badges_installed": apps.is_installed("tremplin.badges"),
            "badges": badges_of(person),
            "can_edit": membership.can(Capability.EDIT_PEOPLE),
            "pathways": person.pathways.all(),
        },
    )


def _form(request: HttpRequest, person: Person, kind: str, instance=None) -> HttpResponse:
    model, form_class, label = KINDS[kind]
    instance = instance or model(person=person)
    form = form_class(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.person = person
        if item.created_by_id is None:
            item.created_by = request.user
        item.save()
        messages.success(request, _("Enregistré : %(title)s.") % {"title": item})
        return redirect("portfolio:person", person.public_id)
    return render(request, "portfolio/form.html", {"person": person, "form": form, "label": label, "item": instance})


def _create(kind: str):
    @login_required
    @reads_personal_data(PART)
    def view(request: HttpRequest, person_id) -> HttpResponse:
        person, _membership = _person(request, person_id, *EDITORS)
        return _form(request, person, kind)

    view.__name__ = f"{kind}_create"
    return view


def _item(request: HttpRequest, kind: str, public_id):
    model = KINDS[kind][0]
    item = get_object_or_404(model.objects.select_related("person__structure"), public_id=public_id)
    _person(request, item.person.public_id, *EDITORS)
    return item


def _edit(kind: str):
    @login_required
    @reads_personal_data(PART)
    def view(request: HttpRequest, public_id) -> HttpResponse:
        item = _item(request, kind, public_id)
        return _form(request, item.person, kind, item)

    view.__name__ = f"{kind}_edit"
    return view


def _delete(kind: str):
    @require_POST
    @login_required
    def view(request: HttpRequest, public_id) -> HttpResponse:
        item = _item(request, kind, public_id)
        person = item.person
        item.delete()
        messages.success(request, _("Supprimé : %(title)s.") % {"title": item})
        return redirect("portfolio:person", person.public_id)

    view.__name__ = f"{kind}_delete"
    return view


experience_create, experience_edit, experience_delete = (
    _create("experience"),
    _edit("experience"),
    _delete("experience"),
)
training_create, training_edit, training_delete = _create("training"), _edit("training"), _delete("training")
certification_create, certification_edit, certification_delete = (
    _create("certification"),
    _edit("certification"),
    _delete("certification"),
)
