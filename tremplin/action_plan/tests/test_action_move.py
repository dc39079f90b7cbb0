"""action_plan:action_move — actions keep the order agreed with the person, on screen and on paper."""

import datetime

import pytest
from django.urls import reverse

from tremplin.action_plan.factories import ActionFactory
from tremplin.action_plan.models import Action, Section
from tremplin.action_plan.services import add_action

pytestmark = pytest.mark.django_db


def move(client, action, direction):
    return client.post(reverse("action_plan:action_move", args=[action.public_id]), {"direction": direction})


def titles_on_the_plan(client, pathway) -> list[str]:
    page = client.get(reverse("action_plan:plan", args=[pathway.public_id])).content.decode()
    names = ["Permis B", "Atelier CV", "Bilan de santé"]
    return sorted((n for n in names if n in page), key=page.index)


@pytest.fixture
def three(plan, today):
    """Three actions of one section; the agreed order differs from the due dates'."""
    return [
        ActionFactory(plan=plan, title=title, position=position, due_date=today + datetime.timedelta(days=days))
        for title, position, days in (("Permis B", 1, 60), ("Atelier CV", 2, 7), ("Bilan de santé", 3, 30))
    ]


def test_the_plan_shows_the_agreed_order_not_the_due_dates(client, counsellor, pathway, three):
    client.force_login(counsellor)
    assert titles_on_the_plan(client, pathway) == ["Permis B", "Atelier CV", "Bilan de santé"]


def test_moving_an_action_up_changes_the_order_on_screen(client, counsellor, pathway, three):
    client.force_login(counsellor)
    response = move(client, three[2], "up")
    assert response.status_code == 302
    assert response.url.endswith(f"#action-{three[2].public_id}")
    assert titles_on_the_plan(client, pathway) == ["Permis B", "Bilan de santé", "Atelier CV"]
    move(client, three[0], "down")
    assert titles_on_the_plan(client, pathway) == ["Bilan de santé", "Permis B", "Atelier CV"]


def test_the_first_cannot_go_up_and_nothing_changes(client, counsellor, pathway, three):
    client.force_login(counsellor)
    move(client, three[0], "up")
    assert titles_on_the_plan(client, pathway) == ["Permis B", "Atelier CV", "Bilan de santé"]


def test_an_unknown_direction_is_refused_with_a_message(client, counsellor, pathway, three):
    client.force_login(counsellor)
    response = move(client, three[1], "sideways")
    assert response.status_code == 302
    assert titles_on_the_plan(client, pathway) == ["Permis B", "Atelier CV", "Bilan de santé"]


def test_older_plans_without_an_order_are_numbered_as_they_were_shown(client, counsellor, pathway, plan, today):
    actions = [
        ActionFactory(plan=plan, title=title, due_date=today + datetime.timedelta(days=days))
        for title, days in (("Permis B", 60), ("Atelier CV", 7), ("Bilan de santé", 30))
    ]
    Action.objects.filter(plan=plan).update(position=0)
    client.force_login(counsellor)
    assert titles_on_the_plan(client, pathway) == ["Atelier CV", "Bilan de santé", "Permis B"]
    move(client, actions[0], "up")  # Permis B, last by due date, goes one up
    assert titles_on_the_plan(client, pathway) == ["Atelier CV", "Permis B", "Bilan de santé"]


def test_a_new_action_goes_last(counsellor, pathway, three, today):
    action = add_action(
        pathway=pathway,
        by=counsellor,
        section=Section.SKILLS,
        title="Inscription à la formation",
        owner_kind="person",
        due_date=today,
    )
    assert action.position == 4
    assert list(pathway.action_plan.actions.values_list("title", flat=True))[-1] == "Inscription à la formation"


def test_a_supervisor_cannot_reorder(client, supervisor_in_team, three):
    client.force_login(supervisor_in_team)
    assert move(client, three[2], "up").status_code == 403
    assert Action.objects.get(pk=three[2].pk).position == 3


def test_another_structure_gets_a_404(client, other_structure_member, three):
    client.force_login(other_structure_member)
    assert move(client, three[2], "up").status_code == 404
    assert Action.objects.get(pk=three[2].pk).position == 3


def test_get_is_refused(client, counsellor, three):
    client.force_login(counsellor)
    assert client.get(reverse("action_plan:action_move", args=[three[0].public_id])).status_code == 405
