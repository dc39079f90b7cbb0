import datetime

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.review_meetings.models import ReviewMeeting

URL = reverse("review_meetings:create")


def test_a_counsellor_plans_a_meeting_and_takes_part_in_it(client, counsellor, supervisor, today):
    client.force_login(counsellor)
    response = client.post(
        URL,
        {
            "kind": "commission",
            "date": (today + datetime.timedelta(days=7)).isoformat(),
            "start_time": "14:00",
            "place": "Salle du conseil",
            "participants": [supervisor.pk],
        },
    )
    meeting = ReviewMeeting.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("review_meetings:pick", args=[meeting.public_id])
    assert set(meeting.participants.all()) == {counsellor, supervisor}
    assert meeting.created_by == counsellor


def test_bad_input_names_the_field_and_saves_nothing(client, counsellor, today, member):
    outsider = member(Role.COUNSELLOR, structure_=None)
    outsider.memberships.update(is_active=False)
    client.force_login(counsellor)
    response = client.post(
        URL,
        {"kind": "party", "date": (today + datetime.timedelta(days=500)).isoformat(), "participants": [outsider.pk]},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"kind", "date", "participants"}
    assert "moins d'un an" in errors["date"][0]
    assert "membres actifs" in errors["participants"][0]
    assert not ReviewMeeting.objects.exists()


def test_a_huge_participant_id_is_an_ordinary_error(client, counsellor, today):
    client.force_login(counsellor)
    response = client.post(URL, {"kind": "synthesis", "date": today.isoformat(), "participants": ["9" * 30]})
    assert response.status_code == 200
    assert "participants" in response.context["form"].errors


def test_a_supervisor_cannot_plan_a_meeting(client, supervisor):
    client.force_login(supervisor)
    assert client.get(URL).status_code == 403
