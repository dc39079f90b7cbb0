import datetime

import pytest
from django.urls import reverse

from tremplin.action_plan.factories import ActionPlanFactory, ObjectiveFactory
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.documents.factories import DocumentFactory
from tremplin.interviews.factories import InterviewFactory
from tremplin.orientations.models import OrientationStatus
from tremplin.partner_portal.models import PartnerNote
from tremplin.professional_project.factories import TargetJobFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("partner_portal:pathway", args=[pathway.public_id])


def test_the_partner_sees_only_the_shared_summary(partner_client, shared, partner):
    pathway = shared.pathway
    ObjectiveFactory(plan=ActionPlanFactory(pathway=pathway), text="Trouver un logement stable")
    TargetJobFactory(pathway=pathway, title="Agent·e d'entretien des espaces verts")  # project not shared
    InterviewFactory(
        pathway=pathway,
        notes="SECRET social",
        visibility=Visibility.SOCIAL_STAFF_ONLY,
        held_on=datetime.date(2026, 1, 5),
    )
    InterviewFactory(
        pathway=pathway,
        notes="Note de toute l'équipe",
        visibility=Visibility.WHOLE_TEAM,
        held_on=datetime.date(2026, 1, 6),
    )
    InterviewFactory(
        pathway=pathway, notes="Point partagé avec les partenaires", visibility=Visibility.SHAREABLE_WITH_PARTNERS
    )
    DocumentFactory(
        person=pathway.person,
        pathway=pathway,
        title="Attestation partageable",
        visibility=Visibility.SHAREABLE_WITH_PARTNERS,
    )
    DocumentFactory(
        person=pathway.person, pathway=pathway, title="Justificatif interne", visibility=Visibility.WHOLE_TEAM
    )

    response = partner_client.get(url(pathway))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Trouver un logement stable" in html
    assert "Point partagé avec les partenaires" in html and "Attestation partageable" in html
    assert "SECRET social" not in html and "toute l&#x27;équipe" not in html and "Justificatif interne" not in html
    assert "espaces verts" not in html  # the project was not shared
    assert "06 11 22 33 44" not in html  # nor the person's contact details
    assert AccessLogEntry.objects.filter(actor_email=partner.email, part="partner_summary").count() == 1


def test_the_partner_adds_a_note_the_team_then_reads(partner_client, shared, client, counsellor):
    pathway = shared.pathway
    response = partner_client.post(reverse("partner_portal:note_add", args=[pathway.public_id]), {"text": "RDV honoré"})
    assert response.status_code == 302
    note = PartnerNote.objects.get()
    assert note.organisation == shared.organisation and note.text == "RDV honoré"
    client.force_login(counsellor)
    assert "RDV honoré" in client.get(reverse("orientations:pathway", args=[pathway.public_id])).content.decode()


def test_an_empty_note_is_refused_by_name(partner_client, shared):
    response = partner_client.post(reverse("partner_portal:note_add", args=[shared.pathway.public_id]), {"text": " "})
    assert response.status_code == 200
    assert "écrivez le texte de la note" in response.content.decode()
    assert not PartnerNote.objects.exists()


def test_the_partner_records_the_outcome_of_the_orientation(partner_client, shared, partner):
    outcome = reverse("partner_portal:outcome", args=[shared.public_id])
    assert partner_client.post(outcome, {"status": "accepted"}).status_code == 302
    assert partner_client.post(outcome, {"status": "done", "outcome": "Logement attribué"}).status_code == 302
    shared.refresh_from_db()
    assert shared.status == OrientationStatus.DONE and shared.outcome == "Logement attribué"
    last = shared.steps.last()
    assert last.by == partner and last.by_partner


def test_the_partner_may_not_record_a_step_the_machine_refuses(partner_client, shared):
    response = partner_client.post(
        reverse("partner_portal:outcome", args=[shared.public_id]), {"status": "appointment_taken"}
    )
    assert response.status_code == 200
    shared.refresh_from_db()
    assert shared.status == OrientationStatus.SENT


def test_the_partner_home_lists_the_shared_pathways_only(partner_client, shared, not_shared):
    for url in (reverse("dashboards:home"), reverse("partner_portal:home")):
        html = partner_client.get(url).content.decode()
        assert "Amina Diallo" in html
        assert "Paul Martin" not in html
