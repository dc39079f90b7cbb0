"""The follow-up after a missed meeting (messaging:follow_up), prompted on the meetings' list."""

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.messaging.models import Message, Purpose


def missed(interview):
    interview.held_on = interview.planned_at.date()
    interview.attendance = "absent_unexcused"
    interview.save()
    return interview


def test_the_list_prompts_then_the_follow_up_goes_once(client, consenting, interview, counsellor, settings):
    settings.TREMPLIN_SMS_BACKEND = "console"
    missed(interview)
    client.force_login(counsellor)
    listing = reverse("interviews:list", args=[interview.pathway.public_id])
    assert "Envoyer une relance" in client.get(listing).content.decode()
    response = client.post(reverse("messaging:follow_up", args=[interview.public_id]))
    assert response.status_code == 302
    assert Message.objects.filter(purpose=Purpose.FOLLOW_UP).count() == 2
    html = client.get(listing).content.decode()
    assert "Relance envoyée" in html and "Envoyer une relance" not in html
    client.post(reverse("messaging:follow_up", args=[interview.public_id]))
    assert Message.objects.filter(purpose=Purpose.FOLLOW_UP).count() == 2


def test_without_consent_it_says_why(client, person, interview, counsellor):
    missed(interview)
    client.force_login(counsellor)
    response = client.post(reverse("messaging:follow_up", args=[interview.public_id]), follow=True)
    assert "pas donné son accord" in response.content.decode()
    assert not Message.objects.exists()


def test_a_job_coach_may_not_send_it(client, member, consenting, interview):
    missed(interview)
    client.force_login(member(Role.JOB_COACH))
    assert client.post(reverse("messaging:follow_up", args=[interview.public_id])).status_code == 403
