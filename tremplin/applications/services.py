"""Rules of the applications pipeline: recording an application, moving it step by step, preparing interviews.

Every function validates first, raises ValidationError keyed by form field names, and writes in one
transaction: a refused step leaves the application as it was.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.professional_project.jobs import ROME_CODE

from .models import Application, ApplicationStatus, ApplicationStep, Channel

# A step reached on a date and recorded on that date: the first step may be "to apply" or "applied"
# (an application often gets recorded once it has been sent).
FIRST_STATUSES = (ApplicationStatus.TO_APPLY, ApplicationStatus.APPLIED)


def _label(status: str) -> str:
    try:
        return str(ApplicationStatus(status).label)
    except ValueError:
        return str(status)


def _short(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _check_links(pathway, company, sent_offer) -> dict:
    """A company of the structure's network, an offer sent to this very pathway: nothing from elsewhere."""
    errors: dict[str, list[str]] = {}
    if company is not None and company.structure_id != pathway.structure_id:
        errors["company"] = [_("Entreprise du réseau : choisissez une entreprise du réseau de votre structure.")]
    if sent_offer is not None and sent_offer.pathway_id != pathway.pk:
        errors["__all__"] = [_("Offre transmise : cette offre a été envoyée à une autre personne.")]
    return errors


def _check_fields(*, employer_name: str, job_title: str, job_code: str, channel: str, next_step_on, on) -> dict:
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if not (employer_name or "").strip():
        errors["employer_name"] = [_("Employeur : indiquez l'entreprise ou l'organisme qui recrute.")]
    if not (job_title or "").strip():
        errors["job_title"] = [_("Poste : indiquez le poste visé par la candidature.")]
    if job_code and not ROME_CODE.match(job_code.strip().upper()):
        errors["job_code"] = [_("Code métier : une lettre de A à N suivie de quatre chiffres, par exemple A1203.")]
    if channel not in Channel.values:
        errors["channel"] = [_("Canal : choisissez comment la candidature a été faite.")]
    if on is not None and on > today:
        errors["status_on"] = [
            _("Date : une étape ne peut pas être datée dans le futur (aujourd'hui : %(today)s).")
            % {"today": _short(today)}
        ]
    if next_step_on is not None and on is not None and next_step_on < on:
        errors["next_step_on"] = [
            _("Date de la prochaine étape : elle ne peut pas précéder l'étape actuelle (%(date)s).")
            % {"date": _short(on)}
        ]
    return errors


def record_application(
    *,
    pathway,
    by,
    employer_name: str,
    job_title: str,
    status: str = ApplicationStatus.TO_APPLY,
    status_on: datetime.date | None = None,
    job_code: str = "",
    channel: str = Channel.SPONTANEOUS,
    company=None,
    sent_offer=None,
    next_step: str = "",
    next_step_on: datetime.date | None = None,
    employer_feedback: str = "",
) -> Application:
    """Records a new application at its first step (to apply, or already sent) with that step in its history.

    From an offer the structure sent (`sent_offer`), the offer and its employer are linked too."""
    on = status_on or timezone.localdate()
    if sent_offer is not None and company is None:
        company = sent_offer.offer.company
    errors = _check_fields(
        employer_name=employer_name or (company.name if company is not None else ""),
        job_title=job_title,
        job_code=job_code,
        channel=channel,
        next_step_on=next_step_on,
        on=on,
    )
    if status not in FIRST_STATUSES:
        errors["status"] = [
            _(
                "Étape : une nouvelle candidature est « à envoyer » ou « envoyée » ; les étapes suivantes se "
                "notent ensuite, une par une, avec leur date."
            )
        ]
    errors.update(_check_links(pathway, company, sent_offer))
    if errors:
        raise ValidationError(errors)
    if company is not None and not (employer_name or "").strip():
        employer_name = company.name
    with transaction.atomic():
        application = Application.objects.create(
            pathway=pathway,
            employer_name=employer_name.strip(),
            job_title=job_title.strip(),
            job_code=(job_code or "").strip().upper(),
            channel=channel,
            company=company,
            offer=sent_offer.offer if sent_offer is not None else None,
            sent_offer=sent_offer,
            status=status,
            status_on=on,
            next_step=(next_step or "").strip(),
            next_step_on=next_step_on,
            employer_feedback=(employer_feedback or "").strip(),
            created_by=by,
        )
        ApplicationStep.objects.create(application=application, from_status="", to_status=status, on=on, by=by)
    return application


def check_update(application: Application) -> None:
    """Checks the descriptive fields of an edited application (the form has set them, the view saves);
    the step itself moves only with move()."""
    errors = _check_fields(
        employer_name=application.employer_name,
        job_title=application.job_title,
        job_code=application.job_code,
        channel=application.channel,
        next_step_on=application.next_step_on,
        on=None,
    )
    errors.update(_check_links(application.pathway, application.company, None))
    if application.next_step_on and application.next_step_on < application.status_on:
        errors["next_step_on"] = [
            _("Date de la prochaine étape : elle ne peut pas précéder l'étape actuelle (%(date)s).")
            % {"date": _short(application.status_on)}
        ]
    if errors:
        raise ValidationError(errors)
    application.job_code = application.job_code.strip().upper()


def move(
    application: Application,
    *,
    to_status: str,
    on: datetime.date,
    by,
    note: str = "",
    employer_feedback: str | None = None,
    next_step: str | None = None,
    next_step_on: datetime.date | None = None,
) -> ApplicationStep:
    """Moves the application to its next step on a date. Impossible moves are refused with the reason:
    a closed application (hired, refused, withdrawn) never moves; no step goes back; dates follow each other."""
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    current = application.status
    if to_status not in ApplicationStatus.values:
        errors["to_status"] = [_("Nouvelle étape : choisissez une étape de la liste.")]
    elif to_status == current:
        errors["to_status"] = [
            _("Nouvelle étape : la candidature est déjà à l'étape « %(status)s ».") % {"status": _label(current)}
        ]
    elif to_status not in application.next_statuses():
        if not application.is_open:
            reason = _(
                "la candidature est close (« %(from)s ») ; pour une nouvelle chance auprès du même employeur, "
                "enregistrez une nouvelle candidature"
            ) % {"from": _label(current)}
        else:
            reason = _("une candidature ne revient pas en arrière")
        errors["to_status"] = [
            _("Nouvelle étape : impossible de passer de « %(from)s » à « %(to)s » : %(reason)s.")
            % {"from": _label(current), "to": _label(to_status), "reason": reason}
        ]
    if on is None:
        errors["on"] = [_("Date : indiquez quand cette étape a eu lieu.")]
    else:
        if on > today:
            errors["on"] = [
                _("Date : une étape ne peut pas être datée dans le futur (aujourd'hui : %(today)s).")
                % {"today": _short(today)}
            ]
        elif on < application.status_on:
            errors["on"] = [
                _("Date : elle ne peut pas précéder l'étape précédente (« %(status)s » le %(date)s).")
                % {"status": _label(current), "date": _short(application.status_on)}
            ]
    if next_step_on is not None and on is not None and next_step_on < on:
        errors["next_step_on"] = [
            _("Date de la prochaine étape : elle ne peut pas précéder l'étape enregistrée (%(date)s).")
            % {"date": _short(on)}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != current:
            raise ValidationError(
                {
                    "to_status": [
                        _("Nouvelle étape : quelqu'un vient d'enregistrer l'étape « %(status)s » ; rechargez la page.")
                        % {"status": _label(locked.status)}
                    ]
                }
            )
        application.status = to_status
        application.status_on = on
        if employer_feedback is not None and employer_feedback.strip():
            application.employer_feedback = employer_feedback.strip()
        if next_step is not None:
            application.next_step = next_step.strip()
            application.next_step_on = next_step_on
        if to_status not in (ApplicationStatus.TO_APPLY, ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW):
            # Closed: nothing comes next.
            application.next_step = ""
            application.next_step_on = None
        application.save()
        return ApplicationStep.objects.create(
            application=application, from_status=current, to_status=to_status, on=on, by=by, note=(note or "").strip()
        )


class PreparationKind:
    PREPARATION = "preparation"
    SIMULATION = "simulation"

    CHOICES = (PREPARATION, SIMULATION)


def plan_preparation(application: Application, *, kind: str, by, due_date: datetime.date | None = None):
    """Adds an interview preparation session or an interview simulation to the person's action plan
    (section "job search"), named after the application, carried by the member who plans it."""
    from tremplin.action_plan.models import Section
    from tremplin.action_plan.services import add_action

    if kind not in PreparationKind.CHOICES:
        raise ValidationError({"kind": [_("Type : choisissez une préparation ou une simulation d'entretien.")]})
    if not application.is_open:
        raise ValidationError(
            {
                "kind": [
                    _("Préparation : la candidature est close (« %(status)s ») ; il n'y a plus d'entretien à préparer.")
                    % {"status": _label(application.status)}
                ]
            }
        )
    if kind == PreparationKind.SIMULATION:
        title = _("Simulation d'entretien d'embauche : %(job)s chez %(employer)s")
        kind_label = _("simulation d'entretien")
    else:
        title = _("Préparation de l'entretien d'embauche : %(job)s chez %(employer)s")
        kind_label = _("préparation d'entretien")
    return add_action(
        pathway=application.pathway,
        section=Section.JOB_SEARCH,
        title=(title % {"job": application.job_title, "employer": application.employer_name})[:200],
        kind=kind_label,
        by=by,
        due_date=due_date,
    )
