import datetime

from django.urls import reverse

from tremplin.timeline.models import EventKind, TimelineEvent


def url(workshop):
    return reverse("workshops:attendance", args=[workshop.public_id])


def test_attendance_is_recorded_and_shows_on_the_timeline(client, workshop, participant, counsellor):
    client.force_login(counsellor)
    response = client.post(url(workshop), {f"attendance-{participant.public_id}": "present"})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.attendance, participant.recorded_by) == ("present", counsellor)
    event = TimelineEvent.objects.get(pathway=participant.pathway, kind=EventKind.WORKSHOP)
    assert event.data["theme"] == "digital"
    assert event.describe() == "Atelier collectif « Compétences numériques » : présent·e"


def test_the_facilitating_supervisor_records_attendance(client, workshop, participant, supervisor):
    workshop.facilitator_user = supervisor
    workshop.save()
    client.force_login(supervisor)
    client.post(url(workshop), {f"attendance-{participant.public_id}": "excused"})
    participant.refresh_from_db()
    assert participant.attendance == "excused"


def test_an_unknown_attendance_is_refused(client, workshop, participant, counsellor):
    client.force_login(counsellor)
    response = client.post(url(workshop), {f"attendance-{participant.public_id}": "sleeping"})
    assert response.status_code == 200
    assert "choisissez une des présences proposées" in response.context["errors"][0]
    participant.refresh_from_db()
    assert participant.attendance == ""


def test_no_attendance_before_the_workshop(client, workshop, participant, counsellor, today):
    workshop.date = today + datetime.timedelta(days=2)
    workshop.save()
    client.force_login(counsellor)
    response = client.post(url(workshop), {f"attendance-{participant.public_id}": "present"})
    assert "pas encore eu lieu" in response.context["errors"][0]
    assert not TimelineEvent.objects.filter(kind=EventKind.WORKSHOP).exists()


def test_a_supervisor_who_does_not_facilitate_gets_404(client, workshop, participant, supervisor):
    client.force_login(supervisor)
    assert client.post(url(workshop), {f"attendance-{participant.public_id}": "present"}).status_code == 404


def test_it_refuses_another_structures_workshop(client, workshop, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(workshop)).status_code == 404
