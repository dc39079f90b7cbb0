import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory
from tremplin.action_plan.models import ActionStatus
from tremplin.barriers.models import BarrierStatus
from tremplin.barriers.services import identify_barrier
from tremplin.consent.models import Consent, ConsentKind
from tremplin.consent.services import give_consent, withdraw_consent
from tremplin.core.visibility import Visibility
from tremplin.orientations import services
from tremplin.orientations.models import OrientationStatus, Share, SharedItem
from tremplin.partners.factories import PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory
from tremplin.timeline.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db
ITEMS = [SharedItem.STATUS, SharedItem.OBJECTIVES]


def orient(pathway, service, by, **extra):
    return services.orient(pathway=pathway, service=service, reason="Logement", shared_items=ITEMS, by=by, **extra)


def test_an_orientation_without_consent_is_refused_with_the_reason(pathway, service, counsellor):
    with pytest.raises(ValidationError) as error:
        orient(pathway, service, counsellor)
    message = error.value.message_dict["record_consent"][0]
    assert "Amina Diallo n'a pas donné d'accord" in message
    assert "Habitat Jeunes Lille" in message
    assert not pathway.orientations.exists()


def test_a_consent_for_another_partner_does_not_count(pathway, service, counsellor):
    give_consent(
        pathway.person,
        kind=ConsentKind.SHARE_WITH_PARTNER,
        partner_name="Autre",
        given_on=timezone.localdate(),
        by=counsellor,
    )
    with pytest.raises(ValidationError):
        orient(pathway, service, counsellor)


def test_recording_the_consent_with_the_orientation_stores_it(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True)
    consent = Consent.objects.get(person=pathway.person)
    assert consent.partner_name == "Habitat Jeunes Lille"
    assert orientation.status == OrientationStatus.PROPOSED
    assert not Share.objects.exists()  # nothing is shared before the orientation is sent


def test_sending_shares_the_chosen_items_and_expects_news(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True, send=True)
    share = Share.objects.get()
    assert orientation.status == OrientationStatus.SENT
    assert share.items == ITEMS and share.organisation == service.organisation
    assert orientation.news_due_on == timezone.localdate() + datetime.timedelta(days=15)
    assert [s.to_status for s in orientation.steps.all()] == ["proposed", "sent"]


def test_sending_after_the_consent_was_withdrawn_is_refused(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True)
    withdraw_consent(Consent.objects.get(), by=counsellor)
    with pytest.raises(ValidationError) as error:
        services.change_status(orientation, OrientationStatus.SENT, by=counsellor)
    assert "accord" in error.value.message_dict["status"][0]


def test_nothing_is_chosen_to_share_is_refused(pathway, service, counsellor):
    with pytest.raises(ValidationError) as error:
        services.orient(
            pathway=pathway, service=service, reason="x", shared_items=[], by=counsellor, record_consent=True
        )
    assert "shared_items" in error.value.message_dict


def test_another_structures_partner_or_barrier_is_refused(pathway, counsellor):
    foreign = PartnerServiceFactory(organisation__structure=StructureFactory())
    with pytest.raises(ValidationError) as error:
        orient(pathway, foreign, counsellor, record_consent=True)
    assert "service" in error.value.message_dict


def test_impossible_steps_are_refused_with_the_allowed_ones(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True)
    with pytest.raises(ValidationError) as error:
        services.change_status(orientation, OrientationStatus.DONE, by=counsellor)
    assert "envoyée" in error.value.message_dict["status"][0]


def test_an_appointment_needs_its_date_and_a_refusal_its_reason(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True, send=True)
    services.change_status(orientation, OrientationStatus.ACCEPTED, by=counsellor)
    with pytest.raises(ValidationError) as error:
        services.change_status(orientation, OrientationStatus.APPOINTMENT_TAKEN, by=counsellor)
    assert "appointment_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.change_status(orientation, OrientationStatus.DROPPED, by=counsellor)
    assert "note" in error.value.message_dict


def test_a_step_cannot_be_in_the_future(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True)
    with pytest.raises(ValidationError) as error:
        services.change_status(
            orientation, OrientationStatus.SENT, by=counsellor, on=timezone.localdate() + datetime.timedelta(days=1)
        )
    assert "on" in error.value.message_dict


def test_the_news_delay_follows_the_structures_setting(pathway, service, counsellor):
    orientation = orient(pathway, service, counsellor, record_consent=True, send=True)
    services.save_settings(pathway.structure, no_news_days=30)
    orientation.refresh_from_db()
    assert orientation.news_due_on == timezone.localdate() + datetime.timedelta(days=30)


def test_done_lifts_the_barrier_and_closes_the_action_when_asked(pathway, service, counsellor):
    barrier = identify_barrier(pathway=pathway, domain="housing", by=counsellor)
    action = ActionFactory(plan=ActionPlanFactory(pathway=pathway), status=ActionStatus.PLANNED)
    orientation = orient(pathway, service, counsellor, record_consent=True, send=True, barrier=barrier, action=action)
    services.change_status(orientation, OrientationStatus.ACCEPTED, by=counsellor)
    services.change_status(orientation, OrientationStatus.DONE, by=counsellor, outcome="Logement trouvé")
    feedback = services.feedback_for(orientation)
    assert [code for code, _label in feedback.barrier_statuses] == ["lifted", "being_worked_on"]

    services.apply_feedback(orientation, by=counsellor, barrier_status="lifted", mark_action_done=True)

    barrier.refresh_from_db()
    action.refresh_from_db()
    assert barrier.status == BarrierStatus.LIFTED
    assert barrier.changes.last().to_status == "lifted"
    assert action.status == ActionStatus.DONE


def test_steps_are_on_the_timeline(pathway, service, counsellor):
    orient(pathway, service, counsellor, record_consent=True, send=True)
    events = TimelineEvent.objects.filter(pathway=pathway, kind=EventKind.ORIENTATION).order_by("occurred_at", "id")
    assert [e.data["to"] for e in events] == ["proposed", "sent"]
    assert all(e.data["partner"] == "Habitat Jeunes Lille" for e in events)


def test_a_closed_pathway_cannot_be_oriented(structure, service, counsellor):
    closed = PathwayFactory(person__structure=structure, status="closed")
    with pytest.raises(ValidationError):
        orient(closed, service, counsellor, record_consent=True)


def test_who_does_what_lists_the_team_partners_and_prescriber(pathway, service, counsellor, structure):
    from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory

    prescriber = PartnerOrganisationFactory(
        structure=structure, name="France Travail Lille Sud", kind="public_employment"
    )
    PartnerContactFactory(organisation=prescriber, name="Marc Petit", email="marc.petit@ft.example.org")
    pathway.referral_source = "France Travail – Lille Sud"
    pathway.save()
    orient(pathway, service, counsellor, record_consent=True, send=True)

    actors = services.who_does_what(pathway, set(Visibility))

    roles = {actor.role: actor for actor in actors}
    assert roles["Référent·e"].email == counsellor.email
    partner = next(a for a in actors if a.name == "Habitat Jeunes Lille")
    assert "Sophie Leroy" in partner.detail and partner.phone == "03 20 55 66 77"
    assert roles["Prescripteur"].email == "marc.petit@ft.example.org"
