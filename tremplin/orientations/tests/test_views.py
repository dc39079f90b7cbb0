import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers.services import identify_barrier
from tremplin.consent.models import Consent
from tremplin.orientations.models import Orientation, OrientationStatus
from tremplin.orientations.services import change_status, orient
from tremplin.partners.factories import PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def create_url(pathway):
    return reverse("orientations:create", args=[pathway.public_id])


def test_the_form_refuses_an_orientation_without_consent_and_says_why(signed_in, pathway, service):
    response = signed_in.post(
        create_url(pathway), {"service": service.pk, "reason": "Logement", "shared_items": ["status"], "send": "on"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Habitat Jeunes Lille" in html and "pas donné d&#x27;accord" in html
    assert not Orientation.objects.exists()


def test_the_form_orients_and_records_the_consent(signed_in, pathway, service):
    response = signed_in.post(
        create_url(pathway),
        {"service": service.pk, "reason": "Logement", "shared_items": ["status"], "send": "on", "record_consent": "on"},
    )
    orientation = Orientation.objects.get()
    assert response.status_code == 302
    assert orientation.status == OrientationStatus.SENT
    assert Consent.objects.filter(person=pathway.person, partner_name="Habitat Jeunes Lille").exists()


def test_from_a_barrier_only_the_services_answering_it_are_offered(
    signed_in, pathway, service, organisation, counsellor
):
    PartnerServiceFactory(organisation=organisation, name="Garage", needs=["mobility"])
    barrier = identify_barrier(pathway=pathway, domain="housing", by=counsellor)
    response = signed_in.get(create_url(pathway), {"barrier": str(barrier.public_id)})
    assert list(response.context["form"].fields["service"].queryset) == [service]
    signed_in.post(
        create_url(pathway),
        {
            "barrier": str(barrier.public_id),
            "service": service.pk,
            "reason": "x",
            "shared_items": ["status"],
            "record_consent": "on",
        },
    )
    assert Orientation.objects.get().barrier == barrier


def test_the_pathway_page_shows_who_does_what_and_is_logged(signed_in, pathway, service, counsellor):
    orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    response = signed_in.get(reverse("orientations:pathway", args=[pathway.public_id]))
    html = response.content.decode()
    assert counsellor.email in html
    assert "Habitat Jeunes Lille" in html and "03 20 55 66 77" in html
    assert AccessLogEntry.objects.filter(part="orientations").exists()


def test_a_supervisor_of_the_team_is_refused(client, member, pathway):
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)
    assert client.get(reverse("orientations:pathway", args=[pathway.public_id])).status_code == 403


def test_another_structures_pathway_and_orientation_answer_404(signed_in, counsellor):
    pathway = PathwayFactory(person__structure=StructureFactory())
    service = PartnerServiceFactory(organisation__structure=pathway.structure)
    orientation = orient(
        pathway=pathway, service=service, reason="x", shared_items=["status"], by=counsellor, record_consent=True
    )
    for url in (
        reverse("orientations:pathway", args=[pathway.public_id]),
        create_url(pathway),
        reverse("orientations:share_create", args=[pathway.public_id]),
        reverse("orientations:detail", args=[orientation.public_id]),
        reverse("orientations:status", args=[orientation.public_id]),
        reverse("orientations:feedback", args=[orientation.public_id]),
    ):
        assert signed_in.get(url).status_code == 404, url


def test_the_status_form_records_a_step_and_done_leads_to_the_feedback(signed_in, pathway, service, counsellor):
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    change_status(orientation, OrientationStatus.ACCEPTED, by=counsellor)
    response = signed_in.post(
        reverse("orientations:status", args=[orientation.public_id]), {"status": "done", "outcome": "Fait"}
    )
    assert response.status_code == 302
    assert response.url == reverse("orientations:feedback", args=[orientation.public_id])


def test_the_status_form_names_an_impossible_step(signed_in, pathway, service, counsellor):
    orientation = orient(
        pathway=pathway, service=service, reason="x", shared_items=["status"], by=counsellor, record_consent=True
    )
    response = signed_in.post(reverse("orientations:status", args=[orientation.public_id]), {"status": "done"})
    assert response.status_code == 200
    assert "choisissez un des statuts proposés" in response.content.decode()


def test_ending_a_share(signed_in, pathway, service, counsellor):
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    share = orientation.shares.get()
    response = signed_in.post(reverse("orientations:share_end", args=[share.public_id]))
    share.refresh_from_db()
    assert response.status_code == 302 and share.ended_on is not None


def test_the_settings_page_saves_the_delay(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    assert client.post(reverse("orientations:settings"), {"no_news_days": "0"}).status_code == 200
    assert client.post(reverse("orientations:settings"), {"no_news_days": "20"}).status_code == 302
    assert structure.orientation_settings.no_news_days == 20


def test_sharing_explicitly_needs_the_consent(signed_in, pathway, organisation):
    url = reverse("orientations:share_create", args=[pathway.public_id])
    response = signed_in.post(url, {"organisation": organisation.pk, "items": ["status"]})
    assert response.status_code == 200 and not pathway.partner_shares.exists()
    response = signed_in.post(url, {"organisation": organisation.pk, "items": ["status"], "record_consent": "on"})
    assert response.status_code == 302
    assert pathway.partner_shares.get().items == ["status"]


def test_the_timeline_tells_the_steps_and_hides_sensitive_partners_from_the_supervisor(
    client, member, pathway, structure, service, counsellor
):
    from tremplin.partners.factories import PartnerOrganisationFactory

    health = PartnerServiceFactory(
        organisation=PartnerOrganisationFactory(structure=structure, name="Centre de santé", kind="health"),
        needs=["health"],
    )
    orient(
        pathway=pathway,
        service=service,
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    orient(pathway=pathway, service=health, reason="x", shared_items=["status"], by=counsellor, record_consent=True)
    url = reverse("timeline:pathway", args=[pathway.public_id])
    client.force_login(counsellor)
    html = client.get(url).content.decode()
    assert "Orientation vers Habitat Jeunes Lille : envoyée" in html
    assert "Orientation proposée vers Centre de santé" in html
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)
    html = client.get(url).content.decode()
    assert "Habitat Jeunes Lille" in html
    assert "Centre de santé" not in html
