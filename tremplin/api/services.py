"""What the API does beyond reading: tokens, indicators, and writes handed to the pages' forms and services.

Writes go through the same form (field rules, messages) and service (business rules, one transaction) as the
page, with the JSON input turned into the form's data; nothing is half-written on refusal.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Capability
from tremplin.contracts.models import RUNNING_STATUSES, Contract
from tremplin.employers.models import Company, Site
from tremplin.exits.services import exit_indicators
from tremplin.interviews import services as interview_services
from tremplin.interviews.forms import EditForm, PlanForm, staff_of
from tremplin.interviews.models import Interview, Kind
from tremplin.job_offers import services as offer_services
from tremplin.job_offers.forms import JobOfferForm
from tremplin.job_offers.models import JobOffer, OfferSource, OfferStatus
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway, Status

from . import errors
from .models import ApiToken, hash_key, new_key
from .scopes import ALL_SCOPES

# Not accepted by the form: never a valid primary key, so the choice is refused with the form's message.
NO_SUCH_CHOICE = "-1"


# Tokens -------------------------------------------------------------------------------------------------------


def token_members(structure):
    """Members a token may be created for: active staff of the structure (partners use their portal)."""
    return (
        Membership.objects.active()
        .filter(structure=structure)
        .exclude(role__in=[role for role in _roles_without_people()])
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def _roles_without_people() -> list[str]:
    from tremplin.accounts.roles import ROLE_CAPABILITIES

    return [
        str(role) for role, capabilities in ROLE_CAPABILITIES.items() if Capability.USE_PARTNER_PORTAL in capabilities
    ]


@transaction.atomic
def create_token(
    *, structure, membership, name: str, scopes, expires_on: datetime.date | None, by
) -> tuple[ApiToken, str]:
    """Creates a token for `membership`; returns it with its key, which is stored only as a hash."""
    problems: dict[str, list[str]] = {}
    if membership.structure_id != structure.pk or not membership.is_active:
        problems["membership"] = [_("Au nom de : choisissez un membre actif de la structure.")]
    unknown = sorted(set(scopes) - set(ALL_SCOPES))
    if not scopes or unknown:
        problems["scopes"] = [_("Droits : cochez au moins un droit de la liste.")]
    if expires_on is not None and expires_on <= timezone.localdate():
        problems["expires_on"] = [_("Expire le : choisissez une date après aujourd'hui.")]
    if problems:
        raise ValidationError(problems)
    key = new_key()
    expires_at = None
    if expires_on is not None:
        expires_at = timezone.make_aware(datetime.datetime.combine(expires_on, datetime.time.min))
    token = ApiToken.objects.create(
        structure=structure,
        membership=membership,
        name=name.strip(),
        prefix=key[:12],
        key_hash=hash_key(key),
        scopes=[value for value in ALL_SCOPES if value in set(scopes)],
        expires_at=expires_at,
        created_by=by,
    )
    return token, key


def revoke_token(token: ApiToken, *, by) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    return token


# Indicators ---------------------------------------------------------------------------------------------------


def indicators(structure, today: datetime.date | None = None) -> dict:
    """The structure dashboard's main figures, computed from the domain (four queries, whatever the size)."""
    from django.conf import settings

    today = today or timezone.localdate()
    pathways = Pathway.objects.filter(structure=structure)
    rows = pathways.order_by().values("status").annotate(n=Count("person", distinct=True))
    counts = {row["status"]: row["n"] for row in rows}
    ending_days = settings.TREMPLIN_CONTRACT_ENDING_DAYS
    ending = Contract.objects.filter(
        pathway__structure=structure,
        status__in=RUNNING_STATUSES,
        planned_end_date__gte=today,
        planned_end_date__lte=today + datetime.timedelta(days=ending_days),
    ).count()
    without_referent = pathways.filter(status__in=ACTIVE_STATUSES, referent__isnull=True).count()
    start = today.replace(month=1, day=1)
    exits = exit_indicators(structure, start=start, end=today)
    return {
        "structure": structure.public_id,
        "on": today,
        "people_by_status": [{"status": status, "people": counts.get(status, 0)} for status in Status.values],
        "contracts_ending_soon": ending,
        "contract_ending_days": ending_days,
        "people_without_referent": without_referent,
        "exits_since": start,
        "exits_total": exits.total,
        "exits_counted": exits.counted,
        "exits_by_group": [
            {"code": share.code, "label": share.label, "count": share.count, "percent": share.percent}
            for share in exits.groups
        ],
    }


# Writes -------------------------------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _member_pk(structure, email: str) -> str:
    if not email:
        return ""
    pk = staff_of(structure).filter(email__iexact=email).values_list("pk", flat=True).first()
    return str(pk) if pk is not None else NO_SUCH_CHOICE


def _public_pk(queryset, value) -> str:
    if value in (None, ""):
        return ""
    pk = queryset.filter(public_id=value).values_list("pk", flat=True).first() if isinstance(value, uuid.UUID) else None
    return str(pk) if pk is not None else NO_SUCH_CHOICE


def plan_appointment(*, pathway, by, data: dict) -> Interview:
    """POST /appointments/: the planning form, then `interviews.services.plan_interview`."""
    structure = pathway.structure
    form_data = {name: _text(data.get(name)) for name in ("kind", "channel", "third_party", "planned_at", "visibility")}
    form_data["led_by"] = _member_pk(structure, data.get("led_by")) or str(by.pk)
    form = PlanForm(form_data, structure=structure)
    if not form.is_valid():
        raise errors.from_form(form)
    with transaction.atomic():
        return interview_services.plan_interview(pathway=pathway, by=by, **form.terms())


def change_appointment(interview: Interview, *, data: dict) -> Interview:
    """PATCH /appointments/{id}/: the page's edit form with the stored values and the given ones.

    The intake interview has its own questionnaire form on its page: the API does not change it."""
    if interview.kind == Kind.INTAKE:
        raise errors.Invalid(
            [
                {
                    "field": None,
                    "code": "intake",
                    "message": _("L'entretien d'accueil se modifie sur sa page, avec son questionnaire."),
                }
            ]
        )
    structure = interview.pathway.structure
    form_data = {name: _text(value) for name, value in model_to_dict(interview, fields=EditForm.Meta.fields).items()}
    form_data["planned_at"] = _text(timezone.localtime(interview.planned_at).replace(tzinfo=None))
    form_data["led_by"] = str(interview.led_by_id or "")
    for name in ("kind", "channel", "third_party", "planned_at", "held_on", "attendance", "notes", "visibility"):
        if name in data:
            form_data[name] = _text(data[name])
    if "led_by" in data:
        form_data["led_by"] = _member_pk(structure, data["led_by"])
    original = interview.planned_at
    form = EditForm(form_data, instance=interview, structure=structure)
    if not form.is_valid():
        raise errors.from_form(form)
    moved = form.instance.planned_at.replace(second=0, microsecond=0) != original.replace(second=0, microsecond=0)
    with transaction.atomic():
        return interview_services.update_interview(form.instance, planned_at_changed=moved)


def _offer_form_data(structure, data: dict, base: dict | None = None) -> dict:
    form_data = dict(base or {})
    for name, value in data.items():
        if name == "company":
            form_data[name] = _public_pk(Company.objects.filter(structure=structure), value)
        elif name == "site":
            form_data[name] = _public_pk(Site.objects.filter(company__structure=structure), value)
        elif name == "shifts":
            form_data[name] = list(value or [])
        elif isinstance(value, bool):
            form_data[name] = value
        else:
            form_data[name] = _text(value)
    return form_data


def create_offer(*, structure, by, data: dict) -> JobOffer:
    """POST /job-offers/: the offer form, then `job_offers.services.save_offer` (source: API)."""
    # As on the page, where the status field starts at « open ».
    data = {"status": OfferStatus.OPEN, **data}
    form = JobOfferForm(_offer_form_data(structure, data), structure=structure)
    if not form.is_valid():
        raise errors.from_form(form)
    offer = form.save(commit=False)
    offer.structure = structure
    offer.source = OfferSource.API
    with transaction.atomic():
        return offer_services.save_offer(offer, by=by, new=True)


def change_offer(offer: JobOffer, *, data: dict) -> JobOffer:
    """PATCH /job-offers/{id}/: the offer form with the stored values and the given ones."""
    structure = offer.structure
    base = {name: value for name, value in model_to_dict(offer, fields=JobOfferForm.Meta.fields).items()}
    base = {name: ("" if value is None else value) for name, value in base.items()}
    base["shifts"] = offer.shift_codes
    base = {name: (value if isinstance(value, bool | list) else _text(value)) for name, value in base.items()}
    form = JobOfferForm(_offer_form_data(structure, data, base), instance=offer, structure=structure)
    if not form.is_valid():
        raise errors.from_form(form)
    with transaction.atomic():
        offer_services.fill_place_from_site(form.instance)
        offer_services.validate_offer(form.instance, new=False)
        return form.save()
