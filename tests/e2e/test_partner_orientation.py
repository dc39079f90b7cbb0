"""A counsellor finds a housing partner by need, orients a person with consent; the partner user signs in,
sees only the shared summary, and records the outcome, which the counsellor then reads."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, nav_link, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionPlanFactory, ObjectiveFactory
from tremplin.barriers.services import identify_barrier
from tremplin.consent.models import Consent
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.orientations.models import Orientation, OrientationStatus
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECRET = "SECRET-SOCIAL-Dettes-et-suivi-psychologique"


@pytest.fixture
def story(french_aci):
    structure = french_aci.structure
    person = PersonFactory(structure=structure, first_name="Amina", last_name="Diallo", phone="06 99 88 77 66")
    pathway = PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )
    ContractFactory(
        pathway=pathway, worksite=french_aci.worksite, start_date=timezone.localdate() - datetime.timedelta(days=10)
    )
    # Marked shareable by the counsellor: only then may partners read what derives from it (decision 0008).
    barrier = identify_barrier(
        pathway=pathway,
        domain="housing",
        by=french_aci.counsellor,
        description="Hébergée chez un tiers",
        visibility=Visibility.SHAREABLE_WITH_PARTNERS,
    )
    ObjectiveFactory(plan=ActionPlanFactory(pathway=pathway), text="Accéder à un logement autonome", barriers=[barrier])
    InterviewFactory(
        pathway=pathway,
        notes=SECRET,
        visibility=Visibility.SOCIAL_STAFF_ONLY,
        held_on=timezone.localdate() - datetime.timedelta(days=2),
        planned_at=timezone.now() - datetime.timedelta(days=2),
    )
    housing = PartnerOrganisationFactory(
        structure=structure, name="Résidence Habitat Jeunes de la Lys", kind="housing", department_codes="59"
    )
    PartnerServiceFactory(organisation=housing, name="Logement temporaire meublé", needs=["housing"])
    PartnerContactFactory(organisation=housing, name="Sophie Leroy", role="Admissions", phone="03 20 55 66 77")
    garage = PartnerOrganisationFactory(structure=structure, name="Garage solidaire des Flandres", kind="mobility")
    PartnerServiceFactory(organisation=garage, name="Réparation à prix réduit", needs=["mobility"])
    partner_user = UserFactory(email="sophie.leroy@habitat-jeunes.example.org", first_name="Sophie", last_name="Leroy")
    membership = MembershipFactory(user=partner_user, structure=structure, role=Role.PARTNER)
    PartnerAccount.objects.create(membership=membership, organisation=housing)
    return pathway, partner_user


def test_a_counsellor_orients_to_a_housing_partner_who_sees_the_summary_and_records_the_outcome(
    page, french_aci, story
):
    pathway, partner_user = story

    # 1. The counsellor looks for a partner answering a housing need.
    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    nav_link(page, "Partenaires", "Emploi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des partenaires")
    field(page, "Besoin").select_option(label="Logement")
    field(page, "Territoire").fill("59280")
    page.get_by_role("button", name="Chercher").click()
    expect(page.get_by_role("status")).to_contain_text("1 partenaire trouvé")
    expect(page.get_by_role("link", name="Résidence Habitat Jeunes de la Lys")).to_be_visible()
    expect(page.get_by_text("Garage solidaire des Flandres")).to_have_count(0)
    assert_accessible(page)

    # 2. From the person's pathway, orient for the housing barrier; without consent it is refused with the reason.
    page.goto(reverse("people:detail", args=[pathway.person.public_id]))
    page.get_by_role("link", name=re.compile("Partenaires, orientations et contacts du parcours")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partenaires et orientations d'Amina Diallo")
    assert_accessible(page)
    page.get_by_role("link", name="Orienter pour le frein « Logement »").click()
    field(page, "Partenaire et service").select_option(
        label="Résidence Habitat Jeunes de la Lys — Logement temporaire meublé (Logement)"
    )
    field(page, "Motif de l'orientation").fill("Hébergée chez un tiers, cherche un logement proche du chantier.")
    page.get_by_label("Statut du parcours et dates du contrat").check()
    page.get_by_label("Objectifs et leur avancement").check()
    page.get_by_role("button", name="Enregistrer l'orientation").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "n'a pas donné d'accord en cours pour partager ses données avec « Résidence Habitat Jeunes de la Lys »"
    )
    assert not Orientation.objects.exists()
    assert_accessible(page)
    page.get_by_label(re.compile("La personne donne aujourd'hui son accord")).check()
    page.get_by_role("button", name="Enregistrer l'orientation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Orientation d'Amina Diallo vers Résidence Habitat Jeunes de la Lys"
    )
    expect(page.get_by_text("Envoyée", exact=True)).to_be_visible()
    assert_accessible(page)
    assert Consent.objects.filter(person=pathway.person, partner_name="Résidence Habitat Jeunes de la Lys").exists()

    # 3. The partner signs in and sees only the shared summary.
    page.context.clear_cookies()
    sign_in(page, partner_user.email, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accueil partenaire")
    page.get_by_role("link", name="Amina Diallo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amina Diallo")
    expect(page.get_by_text("Accéder à un logement autonome")).to_be_visible()
    content = page.content()
    assert SECRET not in content
    assert "06 99 88 77 66" not in content  # contact details were not shared
    assert "Hébergée chez un tiers" not in page.locator("main").inner_text()  # neither the diagnosis
    assert_accessible(page)

    # 4. The partner records the outcome.
    page.get_by_role("link", name=re.compile("Donner des nouvelles de l'orientation")).click()
    field(page, "Où en est l'orientation").select_option(label="acceptée")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status")).to_contain_text("l'équipe qui accompagne la personne est informée")
    page.get_by_role("link", name=re.compile("Donner des nouvelles de l'orientation")).click()
    field(page, "Où en est l'orientation").select_option(label="réalisée")
    field(page, "Résultat ou commentaire").fill("Logement attribué à partir du 1er du mois.")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    orientation = Orientation.objects.get()
    assert orientation.status == OrientationStatus.DONE
    assert orientation.steps.last().by == partner_user

    # The partner never reaches the staff pages of the person.
    response = page.goto(reverse("people:detail", args=[pathway.person.public_id]))
    assert response.status == 404
