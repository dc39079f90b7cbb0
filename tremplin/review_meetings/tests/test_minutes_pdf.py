from django.urls import reverse

from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.review_meetings.factories import ReviewDecisionFactory

SOCIAL = "Suivi addictologie a poursuivre"
TEAM = "Prolonger le contrat de quatre mois"


def url(meeting):
    return reverse("review_meetings:minutes_pdf", args=[meeting.public_id])


def test_the_social_staff_print_every_decision_and_it_is_logged(client, item, counsellor, pdf_text):
    ReviewDecisionFactory(item=item, text=SOCIAL, visibility=Visibility.SOCIAL_STAFF_ONLY)
    ReviewDecisionFactory(item=item, text=TEAM)
    client.force_login(counsellor)
    response = client.get(url(item.meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert SOCIAL in text and TEAM in text
    assert "Awa Diallo" in text
    assert "Version de l'équipe sociale" in text
    assert AccessLogEntry.objects.filter(part="review_meeting_minutes", action="export").count() == 1


def test_a_participating_supervisor_never_gets_social_only_decisions(client, item, team_supervisor, pdf_text):
    item.meeting.participants.add(team_supervisor)
    ReviewDecisionFactory(item=item, text=SOCIAL, visibility=Visibility.SOCIAL_STAFF_ONLY)
    ReviewDecisionFactory(item=item, text=TEAM)
    client.force_login(team_supervisor)
    text = pdf_text(client.get(url(item.meeting)).content)
    assert TEAM in text
    assert SOCIAL not in text
    assert "Version pour toute l'équipe" in text


def test_it_refuses_another_structures_meeting(client, meeting, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(meeting)).status_code == 404
