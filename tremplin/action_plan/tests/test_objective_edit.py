"""action_plan:objective_edit — status and wording, two staff editing at once."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ObjectiveFactory
from tremplin.action_plan.models import Objective
from tremplin.core.tests.helpers import with_token

pytestmark = pytest.mark.django_db


def url(objective):
    return reverse("action_plan:objective_edit", args=[objective.public_id])


def form_data(objective, **changes):
    data = {
        "text": objective.text,
        "status": objective.status,
        "success_indicator": objective.success_indicator,
        "target_date": "",
        "target_job": "",
    }
    data.update(changes)
    return data


def test_it_changes_the_status(client, counsellor, plan):
    objective = ObjectiveFactory(plan=plan)
    client.force_login(counsellor)
    assert client.get(url(objective)).status_code == 200
    response = client.post(url(objective), with_token(client, url(objective), form_data(objective, status="achieved")))
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.status == "achieved"


def test_the_second_of_two_concurrent_saves_is_refused_with_the_other_change_shown(client, counsellor, member, plan):
    objective = ObjectiveFactory(plan=plan, text="Obtenir le permis")
    other = member(Role.CASE_MANAGER)
    client.force_login(counsellor)
    token_first = client.get(url(objective)).context["form"]["concurrency_token"].value()
    client.force_login(other)
    token_second = client.get(url(objective)).context["form"]["concurrency_token"].value()
    # The case manager saves first.
    response = client.post(
        url(objective), form_data(objective, text="Obtenir le permis B", concurrency_token=token_second)
    )
    assert response.status_code == 302
    # The counsellor's save, from the page shown before, is refused.
    client.force_login(counsellor)
    response = client.post(url(objective), form_data(objective, status="abandoned", concurrency_token=token_first))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a modifié" in content and "Obtenir le permis B" in content
    objective.refresh_from_db()
    assert (objective.text, objective.status) == ("Obtenir le permis B", "in_progress")


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.DPO])
def test_readers_may_not_edit(client, member, plan, role):
    objective = ObjectiveFactory(plan=plan)
    client.force_login(member(role))
    assert client.post(url(objective), form_data(objective, status="achieved")).status_code == 403
    assert Objective.objects.get().status == "in_progress"


def test_a_supervisor_outside_the_team_gets_404(client, member, plan):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(ObjectiveFactory(plan=plan))).status_code == 404


def test_it_refuses_another_structures_objective(client, other_structure_member, plan):
    client.force_login(other_structure_member)
    assert client.get(url(ObjectiveFactory(plan=plan))).status_code == 404
