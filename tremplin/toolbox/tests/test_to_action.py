import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.action_plan.models import Action
from tremplin.action_plan.services import add_objective
from tremplin.barriers import services as barrier_services
from tremplin.barriers.models import BarrierDomain
from tremplin.structures.factories import StructureFactory
from tremplin.toolbox.factories import ToolboxEntryFactory
from tremplin.toolbox.models import ToolboxEntry

pytestmark = pytest.mark.django_db


def builtin(key="mobility-driving-licence"):
    return ToolboxEntry.objects.get(builtin_key=key)


def url(entry):
    return reverse("toolbox:to_action", kwargs={"public_id": entry.public_id})


def test_one_click_adds_the_action_to_the_plan(client, team):
    client.force_login(team["counsellor"])
    response = client.post(url(builtin()), {"barrier": team["barrier"].public_id})
    assert response.status_code == 302
    assert response.url == reverse("barriers:list", kwargs={"pathway_id": team["pathway"].public_id})
    action = Action.objects.get()
    assert action.plan.pathway == team["pathway"]
    assert (action.title, action.section, action.objective) == ("Financer le permis de conduire", "mobility", None)
    assert action.owner_user == team["counsellor"]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("ajoutée au plan" in m for m in messages)


def test_the_action_goes_under_the_barriers_objective(client, team):
    objective = add_objective(
        pathway=team["pathway"], text="Se déplacer seul·e", by=team["counsellor"], barriers=[team["barrier"]]
    )
    client.force_login(team["counsellor"])
    client.post(url(builtin()), {"barrier": team["barrier"].public_id})
    assert Action.objects.get().objective == objective


def test_a_structures_own_entry_can_be_used(client, team):
    entry = ToolboxEntryFactory(structure=team["pathway"].structure, title_fr="Navette", section="personal_support")
    client.force_login(team["counsellor"])
    client.post(url(entry), {"barrier": team["barrier"].public_id})
    assert Action.objects.get().section == "personal_support"


def test_another_structures_entry_is_refused(client, team):
    entry = ToolboxEntryFactory(structure=StructureFactory())
    client.force_login(team["counsellor"])
    assert client.post(url(entry), {"barrier": team["barrier"].public_id}).status_code == 404
    assert not Action.objects.exists()


def test_another_structures_barrier_is_refused(client, team, member):
    client.force_login(member(Role.COUNSELLOR, StructureFactory()))
    assert client.post(url(builtin()), {"barrier": team["barrier"].public_id}).status_code == 404
    assert not Action.objects.exists()


@pytest.mark.parametrize("value", ["", "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_a_missing_or_bad_barrier_is_404(client, team, value):
    client.force_login(team["counsellor"])
    assert client.post(url(builtin()), {"barrier": value}).status_code == 404


def test_a_supervisor_of_the_team_gets_403(client, team):
    client.force_login(team["supervisor"])
    assert client.post(url(builtin()), {"barrier": team["barrier"].public_id}).status_code == 403
    assert not Action.objects.exists()


def test_a_social_staff_only_barrier_is_404_for_the_supervisor(client, team):
    barrier = barrier_services.identify_barrier(pathway=team["pathway"], domain=BarrierDomain.HEALTH, by=None)
    client.force_login(team["supervisor"])
    assert client.post(url(builtin("health-insurance-rights")), {"barrier": barrier.public_id}).status_code == 404


def test_a_supervisor_outside_the_team_gets_404(client, team, member):
    client.force_login(member(Role.SUPERVISOR))
    assert client.post(url(builtin()), {"barrier": team["barrier"].public_id}).status_code == 404


def test_a_job_coach_gets_403(client, team, member):
    client.force_login(member(Role.JOB_COACH))
    assert client.post(url(builtin()), {"barrier": team["barrier"].public_id}).status_code == 403


def test_get_is_not_allowed(client, team):
    client.force_login(team["counsellor"])
    assert client.get(url(builtin())).status_code == 405
    assert not Action.objects.exists()


def test_in_english_the_action_takes_the_english_title(client, team):
    client.force_login(team["counsellor"])
    client.cookies["django_language"] = "en"
    client.post(url(builtin()), {"barrier": team["barrier"].public_id})
    assert Action.objects.get().title == "Help to fund the driving licence"


def test_an_entry_with_a_partner_gives_the_action_to_that_partner(client, team):
    """The structure's entry names the partner who offers it: the action is carried by that partner (0013)."""
    from tremplin.partners.factories import PartnerOrganisationFactory

    structure = team["pathway"].structure
    greta = PartnerOrganisationFactory(structure=structure, name="GRETA Lille Métropole", kind="training")
    barrier = barrier_services.identify_barrier(
        pathway=team["pathway"], domain=BarrierDomain.TRAINING, by=team["counsellor"]
    )
    entry = ToolboxEntryFactory(structure=structure, partner=greta, domains=["training"], section="skills")
    client.force_login(team["counsellor"])
    client.post(url(entry), {"barrier": barrier.public_id})
    action = Action.objects.get()
    assert (action.owner_kind, action.owner_partner, action.owner_user) == ("partner", greta, None)
    assert action.owner_display == "GRETA Lille Métropole"
