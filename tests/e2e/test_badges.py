"""A counsellor awards a badge from the person's file; its JSON passes both external judges (1EdTech's
schema, Digital Bazaar's verifier); the public page says valid, then revoked once the badge is revoked."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.badges.factories import AchievementFactory, IssuerFactory
from tremplin.badges.judge import node, schema
from tremplin.badges.models import Award
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pathway(french_aci):
    person = PersonFactory(structure=french_aci.structure, first_name="Amina", last_name="Diallo")
    return PathwayFactory(
        person=person,
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )


def test_a_badge_is_awarded_verified_by_the_judges_and_revoked(
    page, browser, live_server, french_aci, pathway, tmp_path
):
    schema.install()
    IssuerFactory(structure=french_aci.structure, name="ACI Les Jardins du Nord")
    AchievementFactory(structure=french_aci.structure, name="Tri des déchets de chantier")

    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("people:detail", args=[pathway.person.public_id]))
    page.get_by_role("link", name="Voir les badges du parcours Chantier d'insertion ACI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Badges d'Amina Diallo")
    assert_accessible(page)
    page.get_by_role("link", name="Attribuer un badge").click()
    field(page, "Badge").select_option(label="Tri des déchets de chantier")
    field(page, "Niveau évalué (0 à 5)").fill("4")
    assert_accessible(page)
    page.get_by_role("button", name="Attribuer et signer le badge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Badge Tri des déchets de chantier d'Amina Diallo")
    expect(page.locator(".badge-card")).to_contain_text("Valide")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Attestation signée (JSON, Open Badges 3.0)").click()
    credential = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert credential == Award.objects.get().credential
    assert schema.errors(credential) == []
    if not node.available():
        pytest.skip("node is not installed: the external signature judge cannot run")
    assert node.verify(credential)["verified"] is True

    public_url = page.get_by_label("Lien public de vérification").input_value()
    visitor = browser.new_context(locale="fr-FR")
    public = visitor.new_page()
    public.goto(public_url)
    expect(public.get_by_role("heading", name="Ce badge est valide.")).to_be_visible()
    expect(public.locator("body")).not_to_contain_text("Diallo")
    assert_accessible(public)

    field(page, "Motif de la révocation").fill("Attribué avant la fin de l'évaluation")
    page.get_by_role("button", name="Révoquer le badge").click()
    expect(page.locator(".badge-card")).to_contain_text("Révoqué")

    public.reload()
    expect(public.get_by_role("heading", name="Ce badge a été révoqué par son émetteur.")).to_be_visible()
    assert_accessible(public)
    visitor.close()
