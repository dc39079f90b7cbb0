"""Information and consent: the only way views and other apps record or check them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Consent, ConsentKind, InformationNotice, PersonInformed

DEFAULT_VERSION = "1"


def default_notice_text(structure) -> str:
    """A plain-language notice a structure can adapt; it names the structure and what the CNIL framework asks."""
    return _(
        "Vos données personnelles à %(structure)s\n"
        "\n"
        "Ce que nous notons : votre identité et vos coordonnées, votre situation (logement, mobilité, "
        "ressources, santé seulement si vous choisissez d'en parler et si cela aide votre parcours), "
        "votre parcours chez nous, vos contrats et les justificatifs demandés par l'État ou le financeur.\n"
        "\n"
        "Pourquoi : pour vous accompagner vers l'emploi, organiser votre travail, vérifier que vous "
        "pouvez bénéficier du dispositif et rendre compte aux financeurs (ces comptes sont anonymes).\n"
        "\n"
        "Qui les voit : seulement les membres de l'équipe qui vous accompagnent, chacun pour ce dont il "
        "a besoin. Nous ne transmettons rien à un prescripteur ou à un partenaire sans votre accord écrit, "
        "sauf obligation légale. Chaque consultation de votre dossier est enregistrée.\n"
        "\n"
        "Combien de temps : pendant votre parcours, puis 2 ans après notre dernier contact. Ensuite, "
        "votre dossier est anonymisé. Les justificatifs d'éligibilité sont gardés 2 ans après le début du "
        "parcours, pour les contrôles de l'État.\n"
        "\n"
        "Vos droits : vous pouvez voir vos données et en recevoir une copie, les faire corriger, demander "
        "leur effacement ou vous opposer à certains usages, et retirer à tout moment un accord de partage. "
        "Il suffit de le demander à votre conseiller·ère, ou d'écrire au délégué ou à la déléguée à la "
        "protection des données.\n"
        "\n"
        "Contact du délégué ou de la déléguée à la protection des données : [à compléter par la structure : "
        "nom, courriel, adresse].\n"
        "\n"
        "Si vous pensez que vos droits ne sont pas respectés, vous pouvez vous adresser à la CNIL (www.cnil.fr)."
    ) % {"structure": structure.name}


def notice_or_default(structure) -> InformationNotice:
    """The current notice, or the default one unsaved (reading a page never writes)."""
    notice = InformationNotice.objects.filter(structure=structure, is_current=True).first()
    if notice is None:
        notice = InformationNotice(
            structure=structure,
            version=DEFAULT_VERSION,
            text=default_notice_text(structure),
            published_on=timezone.localdate(),
            is_current=True,
        )
    return notice


def current_notice(structure) -> InformationNotice:
    """The structure's current notice; the default one is published the first time it is needed."""
    notice = notice_or_default(structure)
    if notice.pk is None:
        notice.save()
    return notice


def _refuse_future(field: str, day: datetime.date, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("%(label)s ne peut pas être dans le futur.") % {"label": label}})


def publish_notice(structure, *, version: str, text: str, published_on: datetime.date, by) -> InformationNotice:
    """A new version becomes current; earlier ones stay, as people were informed with them."""
    version = version.strip()
    if not version:
        raise ValidationError({"version": _("Indiquez un nom de version, par exemple « 2 » ou « 2026-01 ».")})
    if not text.strip():
        raise ValidationError({"text": _("Le texte de la notice ne peut pas être vide.")})
    _refuse_future("published_on", published_on, _("La date de publication"))
    if InformationNotice.objects.filter(structure=structure, version__iexact=version).exists():
        raise ValidationError(
            {"version": _("La version « %(version)s » existe déjà : choisissez un autre nom.") % {"version": version}}
        )
    with transaction.atomic():
        InformationNotice.objects.filter(structure=structure, is_current=True).update(is_current=False)
        return InformationNotice.objects.create(
            structure=structure,
            version=version,
            text=text.strip(),
            published_on=published_on,
            is_current=True,
            published_by=by,
        )


def record_information(person, *, informed_on: datetime.date, by, how: str, notice=None) -> PersonInformed:
    """Records that the person received the notice (the structure's current one unless given)."""
    _refuse_future("informed_on", informed_on, _("La date d'information"))
    with transaction.atomic():
        notice = notice or current_notice(person.structure)
        if notice.structure_id != person.structure_id:
            raise ValidationError({"notice": _("Cette notice n'appartient pas à la structure de la personne.")})
        return PersonInformed.objects.create(
            person=person, notice=notice, informed_on=informed_on, informed_by=by, how=how
        )


def _normalise_partner(name: str | None) -> str:
    return " ".join((name or "").split())


def give_consent(person, *, kind: str, given_on: datetime.date, by, partner_name: str = "", scope: str = "") -> Consent:
    """Records a consent; refuses a second active consent for the same sharing."""
    partner_name = _normalise_partner(partner_name)
    if kind not in ConsentKind.values:
        raise ValidationError({"kind": _("Choisissez le partage concerné dans la liste.")})
    if kind == ConsentKind.SHARE_WITH_PARTNER and not partner_name:
        raise ValidationError(
            {"partner_name": _("Indiquez le nom du partenaire avec qui les données seront partagées.")}
        )
    if kind != ConsentKind.SHARE_WITH_PARTNER:
        partner_name = ""
    _refuse_future("given_on", given_on, _("La date du consentement"))
    with transaction.atomic():
        existing = Consent.objects.select_for_update().filter(person=person, kind=kind, withdrawn_on__isnull=True)
        if partner_name:
            existing = existing.filter(partner_name__iexact=partner_name)
        if existing.exists():
            raise ValidationError(
                {
                    "kind": _(
                        "Un consentement en cours existe déjà pour ce partage : retirez-le d'abord si la personne change d'avis."
                    )
                }
            )
        return Consent.objects.create(
            person=person, kind=kind, partner_name=partner_name, scope=scope.strip(), given_on=given_on, recorded_by=by
        )


def withdraw_consent(consent: Consent, *, by, note: str = "", withdrawn_on: datetime.date | None = None) -> Consent:
    """Ends the consent today (or the given day): sharing stops at once."""
    withdrawn_on = withdrawn_on or timezone.localdate()
    if consent.withdrawn_on is not None:
        raise ValidationError(
            _("Ce consentement a déjà été retiré le %(day)s.") % {"day": consent.withdrawn_on.strftime("%d/%m/%Y")}
        )
    _refuse_future("withdrawn_on", withdrawn_on, _("La date du retrait"))
    if withdrawn_on < consent.given_on:
        raise ValidationError({"withdrawn_on": _("Le retrait ne peut pas précéder le consentement.")})
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_by = by
    consent.withdrawal_note = note.strip()
    consent.save(update_fields=["withdrawn_on", "withdrawn_by", "withdrawal_note", "updated_at"])
    return consent


def has_consent(person, kind: str, partner_name: str | None = None, on: datetime.date | None = None) -> bool:
    """Whether sharing of this kind is allowed on `on` (today by default). Partner sharing needs the partner's name."""
    on = on or timezone.localdate()
    consents = Consent.objects.filter(person=person, kind=kind).active_on(on)
    if kind == ConsentKind.SHARE_WITH_PARTNER:
        partner_name = _normalise_partner(partner_name)
        if not partner_name:
            return False
        consents = consents.filter(partner_name__iexact=partner_name)
    return consents.exists()


def active_consents(person, on: datetime.date | None = None):
    return Consent.objects.filter(person=person).active_on(on or timezone.localdate()).select_related("recorded_by")
