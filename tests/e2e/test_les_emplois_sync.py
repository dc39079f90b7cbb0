"""A director connects the structure to (a fake of) les emplois de l'inclusion, pulls two pages of hires and
reads the report; the counsellor then finds the people on their list with their PASS IAE."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in, sign_out
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.les_emplois.fake_platform import FakePlatform, sample_record

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIRET = "73282932000074"


def test_a_director_pulls_two_pages_of_hires_and_the_counsellor_sees_them(page, french_aci, settings):
    settings.LES_EMPLOIS_ALLOW_HTTP = True  # the fake platform answers plain HTTP on loopback
    french_aci.structure.siret = SIRET
    french_aci.structure.save()
    records = [sample_record(n, siret=SIRET) for n in range(1, 26)]
    with FakePlatform(records=records, page_size=20) as platform:
        sign_in(page, french_aci.director.email, DEFAULT_PASSWORD)
        page.goto("/structure/parametres/")
        page.get_by_role("link", name="Les emplois de l'inclusion").click()
        field(page, "Adresse de la plateforme").fill(platform.url)
        field(page, "Identifiant du compte employeur").fill(platform.username)
        field(page, "Mot de passe du compte employeur").fill(platform.password)
        page.get_by_role("button", name="Enregistrer la connexion").click()
        expect(page.get_by_text("le jeton d'accès est conservé chiffré")).to_be_visible()
        page.get_by_role("button", name="Importer les embauches maintenant").click()
        expect(page.get_by_role("heading", name="Compte rendu de l'import")).to_be_visible()
        facts = page.locator("dl.facts")
        expect(facts).to_contain_text("Terminé")
        expect(facts.locator("dt:has-text('Pages lues') + dd")).to_have_text("2")
        expect(facts.locator("dt:has-text('Créés') + dd")).to_have_text("25")
        assert_accessible(page)
        sign_out(page)

    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto("/personnes/")
    expect(page.get_by_role("row").filter(has_text="Salarie3")).to_contain_text("PASS IAE 999990000003")
