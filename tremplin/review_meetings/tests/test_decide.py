import datetime

from django.urls import reverse

from tremplin.action_plan.models import Action
from tremplin.review_meetings.models import ReviewDecision
from tremplin.timeline.models import EventKind, TimelineEvent


def url(item):
    return reverse("review_meetings:decide", args=[item.public_id])


def test_a_decision_with_an_action_goes_to_the_plan_and_the_timeline(client, item, counsellor, today):
    client.force_login(counsellor)
    due = today + datetime.timedelta(days=10)
    response = client.post(
        url(item),
        {
            "text": "Orienter vers une formation CACES",
            "visibility": "whole_team",
            "create_action": "on",
            "section": "skills",
            "title": "Inscription à la formation CACES",
            "owner_user": counsellor.pk,
            "due_date": due.isoformat(),
        },
    )
    assert response.status_code == 302
    decision = ReviewDecision.objects.get()
    assert decision.action == Action.objects.get(title="Inscription à la formation CACES")
    assert decision.action.due_date == due
    event = TimelineEvent.objects.get(pathway=item.pathway, kind=EventKind.REVIEW_DECISION)
    assert "CACES" not in str(event.data)
    timeline = client.get(reverse("timeline:pathway", args=[item.pathway.public_id])).content.decode()
    assert "Décision de la réunion (Réunion de synthèse), avec une action ajoutée au plan" in timeline


def test_an_action_without_owner_or_due_date_is_refused_and_nothing_is_saved(client, item, counsellor):
    client.force_login(counsellor)
    response = client.post(
        url(item),
        {"text": "Une décision", "visibility": "whole_team", "create_action": "on", "section": "skills", "title": "X"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["due_date"] == ["Échéance de l'action : indiquez une date."]
    assert not ReviewDecision.objects.exists()
    assert not Action.objects.exists()


def test_an_action_due_in_the_past_is_refused(client, item, counsellor, today):
    client.force_login(counsellor)
    response = client.post(
        url(item),
        {
            "text": "Une décision",
            "visibility": "whole_team",
            "create_action": "on",
            "section": "skills",
            "title": "X",
            "owner_user": counsellor.pk,
            "due_date": (today - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert "ne peut pas être passée" in response.context["form"].errors["due_date"][0]
    assert not ReviewDecision.objects.exists()


def test_a_decision_without_text_is_refused(client, item, counsellor):
    client.force_login(counsellor)
    response = client.post(url(item), {"text": "", "visibility": "whole_team"})
    assert response.context["form"].errors["text"] == ["Décision : écrivez ce que l'équipe a décidé."]


def test_a_decision_before_the_meeting_is_refused(client, item, counsellor, today):
    item.meeting.date = today + datetime.timedelta(days=3)
    item.meeting.save()
    client.force_login(counsellor)
    response = client.post(url(item), {"text": "Trop tôt", "visibility": "whole_team"})
    assert "pas encore eu lieu" in str(response.context["form"].non_field_errors())
    assert not ReviewDecision.objects.exists()


def test_a_participating_supervisor_cannot_decide(client, item, supervisor):
    item.meeting.participants.add(supervisor)
    client.force_login(supervisor)
    assert client.post(url(item), {"text": "x", "visibility": "whole_team"}).status_code == 403


def test_it_refuses_another_structures_item(client, item, other_structure_director):
    client.force_login(other_structure_director)
    assert client.get(url(item)).status_code == 404
