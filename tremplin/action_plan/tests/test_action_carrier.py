"""Who carries an action: a partner of the directory or an outside provider, and the orientation it came
from (decision 0013) — on action_plan:action_create and action_edit, the plan page and the programme PDF."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tremplin.action_plan import services
from tremplin.action_plan.factories import ActionFactory
from tremplin.action_plan.models import Action
from tremplin.core.tests.helpers import with_token
from tremplin.core.visibility import Visibility
from tremplin.orientations.factories import OrientationFactory
from tremplin.partners.factories import PartnerOrganisationFactory
from tremplin.partners.models import PartnerKind

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("action_plan:action_create", args=[pathway.public_id])


def data(**changes):
    values = {"section": "skills", "title": "Formation CléA", "kind": "formation", "owner_kind": "partner"}
    values.update(changes)
    return values


@pytest.fixture
def greta(structure):
    return PartnerOrganisationFactory(structure=structure, name="GRETA Lille Métropole", kind=PartnerKind.TRAINING)


def test_an_action_carried_by_a_partner_of_the_directory_shows_it_on_the_plan(client, counsellor, pathway, greta):
    orientation = OrientationFactory(pathway=pathway, service__organisation=greta)
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_partner=greta.pk, orientation=orientation.pk))
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.owner_partner, action.owner_partner_name, action.orientation) == (greta, "", orientation)
    page = client.get(reverse("action_plan:plan", args=[pathway.public_id])).content.decode()
    assert "partenaire : GRETA Lille Métropole" in page


def test_an_outside_provider_is_named_in_free_text(client, counsellor, pathway):
    client.force_login(counsellor)
    client.post(url(pathway), data(owner_partner_name="Auto-école du Centre"))
    action = Action.objects.get()
    assert action.owner_partner is None and action.owner_display == "Auto-école du Centre"


def test_a_partner_and_a_free_text_provider_together_are_refused(client, counsellor, pathway, greta):
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_partner=greta.pk, owner_partner_name="Auto-école du Centre"))
    assert response.status_code == 200
    assert "Autre prestataire (nom) : laissez-le vide" in response.content.decode()
    assert not Action.objects.exists()


def test_a_partner_outside_the_directory_is_refused(client, counsellor, pathway):
    elsewhere = PartnerOrganisationFactory()
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_partner=elsewhere.pk))
    assert "Partenaire de l&#x27;annuaire : choisissez un partenaire de l&#x27;annuaire" in response.content.decode()
    assert not Action.objects.exists()


def test_an_orientation_of_another_pathway_is_refused_naming_the_field(client, counsellor, pathway, greta):
    other = OrientationFactory()
    client.force_login(counsellor)
    response = client.post(url(pathway), data(owner_partner=greta.pk, orientation=other.pk))
    assert "Issue de l&#x27;orientation : choisissez une orientation de cette personne." in response.content.decode()
    assert not Action.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.add_action(
            pathway=pathway, section="skills", title="x", by=counsellor, owner_kind="person", orientation=other
        )
    assert "orientation" in error.value.message_dict


def test_the_service_refuses_both_carriers(counsellor, pathway, greta):
    with pytest.raises(ValidationError) as error:
        services.add_action(
            pathway=pathway,
            section="skills",
            title="x",
            by=counsellor,
            owner_kind="partner",
            owner_partner=greta,
            owner_partner_name="Autre",
        )
    assert "owner_partner_name" in error.value.message_dict


def test_a_person_action_drops_a_partner_given_by_mistake(client, counsellor, pathway, greta):
    client.force_login(counsellor)
    client.post(url(pathway), data(owner_kind="person", owner_partner=greta.pk))
    assert Action.objects.get().owner_partner is None


def test_the_edit_form_changes_the_carrier(client, counsellor, plan, greta):
    action = ActionFactory(plan=plan, owner_kind="partner", owner_partner_name="Auto-école")
    edit = reverse("action_plan:action_edit", args=[action.public_id])
    client.force_login(counsellor)
    values = data(owner_partner=greta.pk, owner_partner_name="", status="planned", outcome="", due_date="")
    response = client.post(edit, with_token(client, edit, values))
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.owner_partner, action.owner_partner_name) == (greta, "")


def test_an_action_carried_by_a_health_partner_is_kept_for_the_social_staff(counsellor, pathway, structure):
    """The partner's name alone says something (decision 0008): the action takes « social staff only »."""
    csapa = PartnerOrganisationFactory(structure=structure, name="CSAPA", kind=PartnerKind.HEALTH)
    action = services.add_action(
        pathway=pathway,
        section="personal_support",
        title="Suivi",
        by=counsellor,
        owner_kind="partner",
        owner_partner=csapa,
    )
    assert action.visibility == Visibility.SOCIAL_STAFF_ONLY


def test_an_action_from_a_social_only_orientation_is_kept_for_the_social_staff(counsellor, pathway, greta):
    orientation = OrientationFactory(
        pathway=pathway, service__organisation=greta, visibility_choice=Visibility.SOCIAL_STAFF_ONLY
    )
    action = services.add_action(
        pathway=pathway,
        section="skills",
        title="Formation",
        by=counsellor,
        owner_kind="person",
        orientation=orientation,
    )
    assert action.visibility == Visibility.SOCIAL_STAFF_ONLY
    # Loosened later: the action follows at the orientation's next save, to the orientation's own floor
    # (an orientation is for the whole team by default: it names a partner).
    orientation.visibility_choice = ""
    orientation.save()
    action.refresh_from_db()
    assert action.visibility == Visibility.WHOLE_TEAM
