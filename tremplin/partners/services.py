"""Rules of the partner directory: duplicates on creation, services and their needs, the search."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from tremplin.barriers.models import BarrierDomain

from .models import PartnerContact, PartnerOrganisation, PartnerService, ServiceNeed, normalise_codes, normalised


def find_duplicates(
    structure, *, name: str, postcode: str = "", siret: str = "", email: str = "", exclude=None
) -> list[PartnerOrganisation]:
    """Partners the structure already sees that look like the same one: same normalised name and postcode,
    or same SIRET, or same email."""
    rules = Q()
    key = normalised(name)
    if key:
        rules |= Q(normalised_name=key, postcode=(postcode or "").strip())
    siret = "".join((siret or "").split())
    if siret:
        rules |= Q(siret=siret)
    if (email or "").strip():
        rules |= Q(email__iexact=email.strip())
    if not rules:
        return []
    candidates = PartnerOrganisation.objects.in_directory_of(structure).filter(rules)
    if exclude is not None and exclude.pk:
        candidates = candidates.exclude(pk=exclude.pk)
    return list(candidates.order_by("name")[:5])


def create_organisation(
    *, structure, by, fields: dict, confirm_duplicate: bool = False, network=None
) -> PartnerOrganisation:
    """Adds a partner to the directory; a likely duplicate is refused unless the member confirms."""
    fields = dict(fields)
    fields["siret"] = "".join((fields.get("siret") or "").split())
    if not (fields.get("name") or "").strip():
        raise ValidationError({"name": _("Nom : indiquez le nom du partenaire.")})
    if network is not None and not network.structures.filter(pk=structure.pk).exists():
        raise ValidationError({"network": _("Réseau : votre structure ne fait pas partie de ce réseau.")})
    if not confirm_duplicate:
        duplicates = find_duplicates(
            structure,
            name=fields["name"],
            postcode=fields.get("postcode", ""),
            siret=fields["siret"],
            email=fields.get("email", ""),
        )
        if duplicates:
            raise ValidationError(
                _(
                    "Ce partenaire semble déjà dans l'annuaire (%(names)s) : ouvrez la fiche existante, "
                    "ou cochez « Créer quand même » si c'est bien un autre partenaire."
                )
                % {"names": ", ".join(d.name for d in duplicates)},
                code="duplicate",
            )
    with transaction.atomic():
        return PartnerOrganisation.objects.create(structure=structure, network=network, created_by=by, **fields)


def set_service(
    *, organisation: PartnerOrganisation, name: str, needs: list[str], description: str = "", service=None
) -> PartnerService:
    """Creates or updates a service with the needs it answers (at least one, from the diagnosis' domains)."""
    errors: dict[str, list] = {}
    if not (name or "").strip():
        errors["name"] = [_("Service : indiquez le nom du service.")]
    needs = list(dict.fromkeys(needs or []))
    if not needs:
        errors["needs"] = [_("Besoins : cochez au moins un besoin auquel répond ce service.")]
    elif any(need not in BarrierDomain.values for need in needs):
        errors["needs"] = [_("Besoins : choisissez les besoins dans la liste.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if service is None:
            service = PartnerService.objects.create(
                organisation=organisation, name=name.strip(), description=description.strip()
            )
        else:
            service.name = name.strip()
            service.description = description.strip()
            service.save(update_fields=["name", "description", "updated_at"])
            service.needs.exclude(domain__in=needs).delete()
        known = set(service.needs.values_list("domain", flat=True))
        ServiceNeed.objects.bulk_create([ServiceNeed(service=service, domain=d) for d in needs if d not in known])
    return service


def add_contact(*, organisation: PartnerOrganisation, name: str, role: str = "", phone: str = "", email: str = ""):
    if not (name or "").strip():
        raise ValidationError({"name": _("Nom : indiquez le nom du contact.")})
    if not (phone or "").strip() and not (email or "").strip():
        raise ValidationError({"phone": _("Téléphone : indiquez au moins un téléphone ou un courriel.")})
    return PartnerContact.objects.create(
        organisation=organisation, name=name.strip(), role=role.strip(), phone=phone.strip(), email=email.strip()
    )


def services_answering(need: str):
    return PartnerService.objects.filter(is_active=True, needs__domain=need)


def area_filter(area: str) -> Q:
    """A postcode, commune or department code: matches the partner's area, its department or its own address."""
    area = " ".join((area or "").split())
    if not area:
        return Q()
    rules = Q(area_served__icontains=area) | Q(city__iexact=area) | Q(postcode=area)
    code = area[:3] if area[:2] in ("97", "98") and len(area) == 5 else area[:2]
    codes = normalise_codes(code) if area.isdigit() or (len(area) <= 3 and area.isalnum()) else ""
    if codes:
        rules |= Q(department_codes__contains=codes)
    return rules


def search(structure, *, need: str = "", area: str = "", kind: str = "", text: str = "") -> QuerySet:
    """The directory seen by a structure, filtered; services, their needs and contacts prefetched
    (a fixed number of queries whatever the number of partners)."""
    partners = PartnerOrganisation.objects.in_directory_of(structure).filter(is_active=True)
    if need:
        partners = partners.filter(Exists(services_answering(need).filter(organisation=OuterRef("pk"))))
    if area:
        partners = partners.filter(area_filter(area))
    if kind:
        partners = partners.filter(kind=kind)
    if text:
        partners = partners.filter(Q(normalised_name__contains=normalised(text)) | Q(eligibility_notes__icontains=text))
    return partners.select_related("network").prefetch_related(
        Prefetch("services", queryset=PartnerService.objects.filter(is_active=True).prefetch_related("needs")),
        "contacts",
    )
