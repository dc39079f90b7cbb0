"""interviews:record_held — a meeting that already took place is recorded with its date, without planning it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.core.visibility import Visibility
from tremplin.interviews.models import Attendance, Channel, Interview, Kind
from tremplin.interviews.services import next_interview_due

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("interviews:record_held", args=[pathway.public_id])


def data(held_on, **fields):
    values = {
        "kind": Kind.INDIVIDUAL,
        "channel": Channel.PHONE,
        "third_party": "",
        "held_on": held_on.isoformat(),
        "attendance": Attendance.PRESENT,
        "led_by": "",
        "notes": "Appel : la garde de sa fille est trouvée pour la rentrée.",
        "visibility": "",
    }
    values.update(fields)
    return values


def test_a_phone_call_of_last_week_is_recorded_as_held_on_its_day(client, counsellor, pathway, today):
    last_week = today - datetime.timedelta(days=6)
    client.force_login(counsellor)
    response = client.post(url(pathway), data(last_week))
    assert response.status_code == 302
    assert response.url == reverse("interviews:list", args=[pathway.public_id])
    interview = Interview.objects.get(pathway=pathway)
    assert (interview.held_on, timezone.localtime(interview.planned_at).date(), interview.channel) == (
        last_week,
        last_week,
        "phone",
    )
    assert interview.attendance == Attendance.PRESENT
    assert interview.led_by == counsellor
    assert interview.visibility == Visibility.SOCIAL_STAFF_ONLY  # an individual interview, by default
    listing = client.get(reverse("interviews:list", args=[pathway.public_id])).content.decode()
    assert "entretien individuel (par téléphone)" in listing
    assert "la garde de sa fille est trouvée" in listing


def test_the_recorded_meeting_counts_for_the_next_follow_up_date(client, counsellor, pathway, today):
    client.force_login(counsellor)
    client.post(url(pathway), data(today - datetime.timedelta(days=2)))
    assert Interview.objects.get(pathway=pathway).held_on == today - datetime.timedelta(days=2)
    due = next_interview_due(pathway, list(Visibility.values))
    assert due is None or due > today - datetime.timedelta(days=2)


def test_a_date_in_the_future_is_refused_on_its_field_and_nothing_is_saved(client, counsellor, pathway, today):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today + datetime.timedelta(days=1)))
    assert response.status_code == 200
    [error] = response.context["form"].errors["held_on"]
    assert error.startswith("Date de l'entretien : elle ne peut pas être dans le futur")
    assert not Interview.objects.exists()


def test_a_tripartite_meeting_needs_its_third_party(client, counsellor, pathway, today):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, kind=Kind.TRIPARTITE))
    assert "Tiers présent" in response.context["form"].errors["third_party"][0]
    assert not Interview.objects.exists()


def test_the_intake_is_not_offered_here(client, counsellor, pathway, today):
    client.force_login(counsellor)
    response = client.get(url(pathway))
    assert Kind.INTAKE not in [value for value, _label in response.context["form"].fields["kind"].choices]
    response = client.post(url(pathway), data(today, kind=Kind.INTAKE))
    assert "kind" in response.context["form"].errors


def test_the_list_offers_it_to_editors_only(client, counsellor, supervisor, pathway):
    client.force_login(counsellor)
    assert url(pathway) in client.get(reverse("interviews:list", args=[pathway.public_id])).content.decode()
    client.force_login(supervisor)
    assert url(pathway) not in client.get(reverse("interviews:list", args=[pathway.public_id])).content.decode()
    assert client.post(url(pathway), data(datetime.date.today())).status_code == 403
    assert not Interview.objects.exists()


def test_another_structure_gets_a_404(client, other_structure_user, pathway, today):
    client.force_login(other_structure_user)
    assert client.post(url(pathway), data(today)).status_code == 404
    assert not Interview.objects.exists()
