"""Demo step of the messages: in each demo structure, one person in contract agreed to be contacted by SMS,
has an interview in three days and was invited to it — through the real services (the SMS goes to the demo's
file backend, `TREMPLIN_SMS_FILE`)."""

import datetime

from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.consent.models import ConsentKind
from tremplin.consent.services import give_consent
from tremplin.interviews.services import plan_interview
from tremplin.pathways.models import Pathway, Status

from . import services
from .meetings import of_interview
from .models import ContactPreference


def populate(result, *, rng, today: datetime.date) -> None:
    for index, structure in enumerate(result.structures):
        membership = Membership.objects.filter(structure=structure, role=Role.COUNSELLOR).select_related("user").first()
        pathway = (
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person__structure", "structure")
            .order_by("created_at", "id")
            .first()
        )
        if membership is None or pathway is None:
            continue
        person = pathway.person
        give_consent(person, kind=ConsentKind.CONTACT, given_on=today, by=membership.user)
        ContactPreference.objects.update_or_create(
            person=person, defaults={"mobile": f"+3361234{index:04d}", "by_email": bool(person.email)}
        )
        day = today + datetime.timedelta(days=3)
        interview = plan_interview(
            pathway=pathway,
            by=membership.user,
            kind="individual",
            planned_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))),
            led_by=membership.user,
        )
        services.invite(of_interview(interview), by=membership.user, channels=["sms"], bring="pièce d'identité")
