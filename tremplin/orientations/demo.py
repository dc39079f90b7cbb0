"""Demo: orientations in every status for the French demo structures, one of them waiting for news past the
delay (the référent's alert), and a partner account of the housing partner with the pathway shared with it."""

from __future__ import annotations

import datetime

from django.contrib.auth.hashers import make_password

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.barriers.models import Barrier
from tremplin.partners.models import PartnerService
from tremplin.pathways.models import Pathway, Status
from tremplin.structures.models import Country

from .models import Orientation, OrientationStatus, OrientationStep, SharedItem
from .services import change_status, news_due, orient, settings_for

HOUSING_PARTNER = "Résidence Habitat Jeunes de la Lys"
PARTNER_EMAIL = "partenaire.logement@demo.tremplin.test"
S = OrientationStatus
# (need, steps after « sent », days since the last step)
STORIES = (
    ("housing", [S.ACCEPTED, S.APPOINTMENT_TAKEN], 3),
    ("mobility", [], 22),  # sent three weeks ago, no news: the référent is alerted
    ("money", [S.ACCEPTED, S.DONE], 5),
    ("language", [S.REFUSED], 8),
    ("childcare", [S.ACCEPTED], 2),
)


def _backdate(orientation: Orientation, days: int) -> None:
    """Demo only: the story happened `days` ago (the services date everything today)."""
    day = orientation.status_changed_on - datetime.timedelta(days=days)
    OrientationStep.objects.filter(orientation=orientation).update(on=day)
    orientation.status_changed_on = day
    if orientation.appointment_on:
        orientation.appointment_on = day + datetime.timedelta(days=days + 4)
    orientation.news_due_on = news_due(orientation, settings_for(orientation.pathway.structure).no_news_days)
    Orientation.objects.filter(pk=orientation.pk).update(
        status_changed_on=day, news_due_on=orientation.news_due_on, appointment_on=orientation.appointment_on
    )


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        if structure.country != Country.FRANCE:
            continue
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT, referent__isnull=False)
            .select_related("person", "referent")
            .order_by("pk")[: len(STORIES)]
        )
        housing_pathway = None
        for pathway, (need, steps, days) in zip(pathways, STORIES, strict=False):
            service = (
                PartnerService.objects.filter(organisation__structure=structure, needs__domain=need)
                .select_related("organisation")
                .order_by("pk")
                .first()
            )
            if service is None:
                continue
            if need == "housing":
                service = (
                    PartnerService.objects.filter(
                        organisation__name=HOUSING_PARTNER, organisation__structure=structure
                    ).first()
                    or service
                )
            barrier = Barrier.objects.filter(pathway=pathway, domain=need).first()
            by = pathway.referent
            orientation = orient(
                pathway=pathway,
                service=service,
                reason="Orientation convenue avec la personne lors de l'entretien de suivi.",
                shared_items=[SharedItem.STATUS, SharedItem.OBJECTIVES, SharedItem.NEXT_APPOINTMENT],
                by=by,
                barrier=barrier,
                record_consent=True,
                send=True,
            )
            for step in steps:
                change_status(
                    orientation,
                    step,
                    by=by,
                    appointment_on=today + datetime.timedelta(days=4) if step == S.APPOINTMENT_TAKEN else None,
                    note="Plus de place avant l'été." if step == S.REFUSED else "",
                    outcome="Accompagnement réalisé." if step == S.DONE else "",
                )
            _backdate(orientation, days)
            if service.organisation.name == HOUSING_PARTNER:
                housing_pathway = pathway
        if housing_pathway is not None:
            _partner_account(result, structure, housing_pathway)


def _partner_account(result, structure, pathway) -> None:
    from tremplin.demo.builder import DemoAccount
    from tremplin.partner_portal.models import PartnerAccount
    from tremplin.partners.models import PartnerOrganisation

    organisation = PartnerOrganisation.objects.get(structure=structure, name=HOUSING_PARTNER)
    # The demo's accounts share one password hash (hashing is deliberately slow): reuse it.
    shared_hash = User.objects.filter(memberships__structure=structure).values_list("password", flat=True).first()
    user = User.objects.create(
        email=PARTNER_EMAIL,
        first_name="Sophie",
        last_name="Leroy",
        password=shared_hash or make_password(result.password),
    )
    membership = Membership.objects.create(
        user=user, structure=structure, role=Role.PARTNER, job_title="Responsable des admissions"
    )
    PartnerAccount.objects.create(membership=membership, organisation=organisation)
    result.accounts.append(
        DemoAccount(user.email, f"{user} ({organisation.name})", str(Role(Role.PARTNER).label), structure.name)
    )
    del pathway
