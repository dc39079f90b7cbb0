"""Business rules of the employer network: identifiers, duplicates, interactions, and the history with each company."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tremplin.structures.models import Country

from .models import Company, Interaction, normalise_name, siret_digits, siret_is_valid


def possible_duplicates(*, structure, name: str, identifier: str = "", exclude: Company | None = None):
    """Companies of the structure with the same identifier or the same name once normalised."""
    matches = Q(name_normalised=normalise_name(name)) if normalise_name(name) else Q(pk__in=[])
    digits = siret_digits(identifier)
    if digits:
        matches |= Q(identifier=digits)
    found = Company.objects.filter(structure=structure).filter(matches)
    if exclude is not None and exclude.pk:
        found = found.exclude(pk=exclude.pk)
    return found


def check_identifier(structure, identifier: str) -> str:
    """The identifier without spaces; a French structure's must be a valid SIRET."""
    digits = siret_digits(identifier)
    if digits and structure.country == Country.FRANCE and not siret_is_valid(digits):
        raise ValidationError(
            {
                "identifier": _(
                    "Le SIRET doit compter 14 chiffres et sa clé de contrôle doit être juste : vérifiez la saisie."
                )
            }
        )
    return digits


def validate_company(company: Company, *, accept_similar_name: bool = False) -> None:
    """Checks the identifier and the possible duplicates of a company about to be saved.

    Same identifier: refused (the company is already in the network). Same name once normalised:
    refused unless the member confirms it is another company (two franchises of one brand, say).
    """
    company.identifier = check_identifier(company.structure, company.identifier)
    duplicates = list(
        possible_duplicates(
            structure=company.structure, name=company.name, identifier=company.identifier, exclude=company
        )
    )
    same_identifier = [c for c in duplicates if company.identifier and c.identifier == company.identifier]
    if same_identifier:
        raise ValidationError(
            {
                "identifier": _("Ce numéro est déjà celui de l'entreprise « %(name)s » du réseau.")
                % {"name": same_identifier[0].name}
            }
        )
    if duplicates and not accept_similar_name:
        raise ValidationError(
            {
                "name": _(
                    "Une entreprise au nom très proche existe déjà : « %(name)s ». Vérifiez qu'il ne s'agit pas de la même, "
                    "ou cochez « C'est une autre entreprise »."
                )
                % {"name": duplicates[0].name}
            }
        )


@transaction.atomic
def save_company(company: Company, *, by=None, relationships=None, accept_similar_name: bool = False) -> Company:
    """Creates or updates a company once `validate_company` accepts it."""
    if relationships is not None:
        company.relationship_codes = relationships
    validate_company(company, accept_similar_name=accept_similar_name)
    if company.pk is None and by is not None:
        company.created_by = by
    company.save()
    return company


@transaction.atomic
def record_interaction(company: Company, *, by, **fields) -> Interaction:
    contact = fields.get("contact")
    if contact is not None and contact.company_id != company.pk:
        raise ValidationError({"contact": _("Ce contact n'est pas un contact de cette entreprise.")})
    happened_on, next_on = fields.get("happened_on"), fields.get("next_step_on")
    if happened_on and next_on and next_on < happened_on:
        raise ValidationError({"next_step_on": _("La prochaine étape ne peut pas précéder l'échange lui-même.")})
    if next_on and not fields.get("next_step"):
        raise ValidationError({"next_step": _("Dites quelle est la prochaine étape prévue à cette date.")})
    return Interaction.objects.create(company=company, by=by, **fields)


def _fields_to(model, target) -> list[str]:
    return [f.name for f in model._meta.fields if f.is_relation and f.related_model is target]


def history(company: Company) -> dict:
    """People placed with this company: offers sent, and — when those apps are installed — applications,
    hires and immersions. Read through whatever field points at the company or one of its offers."""
    from tremplin.job_offers.models import JobOffer
    from tremplin.matching.models import SentOffer

    result = {
        "sent": SentOffer.objects.filter(offer__company=company)
        .select_related("offer", "pathway__person")
        .order_by("-sent_on")[:20],
        "sent_count": SentOffer.objects.filter(offer__company=company).count(),
        "applications": None,
        "hires": None,
        "immersions": None,
    }
    for label, dotted in (
        ("applications", "tremplin.applications.models.Application"),
        ("immersions", "tremplin.immersions.models.Immersion"),
    ):
        model = _optional_model(dotted)
        if model is None:
            continue
        links = [Q(**{name: company}) for name in _fields_to(model, Company)]
        links += [Q(**{f"{name}__company": company}) for name in _fields_to(model, JobOffer)]
        if not links:
            continue
        condition = links[0]
        for link in links[1:]:
            condition |= link
        found = model.objects.filter(condition)
        result[label] = found.count()
        if label == "applications" and any(f.name == "status" for f in model._meta.fields):
            result["hires"] = found.filter(status="hired").count()
    return result


def _optional_model(dotted: str):
    module_name, _sep, name = dotted.rpartition(".")
    try:
        from importlib import import_module

        return getattr(import_module(module_name), name, None)
    except ImportError:
        return None
