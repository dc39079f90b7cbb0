import datetime

from django.urls import reverse

from tremplin.review_meetings.factories import ReviewDecisionFactory


def url(meeting):
    return reverse("review_meetings:edit", args=[meeting.public_id])


def test_a_counsellor_moves_the_meeting_and_changes_participants(client, meeting, counsellor, supervisor, today):
    client.force_login(counsellor)
    new_date = today + datetime.timedelta(days=2)
    response = client.post(
        url(meeting), {"kind": "tripartite", "date": new_date.isoformat(), "participants": [supervisor.pk]}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.date) == ("tripartite", new_date)
    assert list(meeting.participants.all()) == [supervisor]


def test_a_meeting_with_decisions_is_not_postponed(client, item, counsellor, today):
    ReviewDecisionFactory(item=item)
    client.force_login(counsellor)
    response = client.post(
        url(item.meeting), {"kind": "synthesis", "date": (today + datetime.timedelta(days=2)).isoformat()}
    )
    assert response.status_code == 200
    assert "reportée" in response.context["form"].errors["date"][0]
    item.meeting.refresh_from_db()
    assert item.meeting.date == today


def test_a_participating_supervisor_cannot_change_it(client, meeting, supervisor):
    meeting.participants.add(supervisor)
    client.force_login(supervisor)
    assert client.get(url(meeting)).status_code == 403


def test_it_refuses_another_structures_meeting(client, meeting, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(meeting)).status_code == 404
