"""The header's search: what each role finds, accents and case, the live list and the full page."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.search_keys import search_key
from tremplin.employers.factories import CompanyFactory
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.job_offers.models import JobOffer, OfferStatus
from tremplin.orientations.models import SharedItem
from tremplin.orientations.services import orient
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partners.factories import NetworkFactory, PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db

URL = reverse("search:results")
LIVE = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world(structure):
    """Structure A with people, partners, companies and offers whose names carry accents; structure B
    holds records with the same names, which nobody of A may ever find."""
    users = {role: MembershipFactory(structure=structure, role=role).user for role in Role}
    users["other_supervisor"] = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(users[Role.SUPERVISOR])
    ines = PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Inès", last_name="Lefèvre"),
        status=Status.IN_CONTRACT,
        supervisor=users[Role.SUPERVISOR],
        worksite=worksite,
        referent=users[Role.COUNSELLOR],
    )
    oceane = PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Océane", last_name="Martin"), status=Status.CANDIDATE
    )
    organisation = PartnerOrganisationFactory(structure=structure, name="Maison de l'Emploi d'Évry")
    company = CompanyFactory(structure=structure, name="Les Jardins d'Élise", sector="Paysage")
    offer = JobOfferFactory(company=company, title="Préparateur de commandes", city="Lille")

    other = StructureFactory(name="Structure B")
    PathwayFactory(person=PersonFactory(structure=other, first_name="Inès", last_name="Lefèvre"))
    PartnerOrganisationFactory(structure=other, name="Maison de l'Emploi d'Évry B")
    JobOfferFactory(company=CompanyFactory(structure=other, name="Les Jardins d'Élise B"), title="Préparateur B")
    return {
        "structure": structure,
        "users": users,
        "ines": ines,
        "oceane": oceane,
        "organisation": organisation,
        "company": company,
        "offer": offer,
    }


def search(client, user, query, **headers):
    client.force_login(user)
    return client.get(URL, {"q": query}, **headers)


def detail(name, obj):
    return reverse(name, args=[obj.public_id])


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("ines", "Inès Lefèvre"),
        ("LEFEVRE", "Inès Lefèvre"),
        ("oceane", "Océane Martin"),
        ("Lefèvre inès", "Inès Lefèvre"),
    ],
)
def test_accents_and_case_are_ignored(client, world, typed, found):
    content = search(client, world["users"][Role.COUNSELLOR], typed).content.decode()
    assert found in content


def test_a_counsellor_finds_each_kind_of_record_of_their_structure_only(client, world):
    user = world["users"][Role.COUNSELLOR]
    page = search(client, user, "ines").content.decode()
    assert detail("people:detail", world["ines"].person) in page
    assert page.count("Inès Lefèvre") == 1  # the namesake of structure B is not there
    assert "En contrat" in page  # the pathway's status

    page = search(client, user, "evry").content.decode()
    assert detail("partners:detail", world["organisation"]) in page
    assert "Évry B" not in page

    page = search(client, user, "jardins elise").content.decode()
    assert detail("employers:detail", world["company"]) in page
    assert "Élise B" not in page

    page = search(client, user, "preparateur").content.decode()
    assert detail("job_offers:detail", world["offer"]) in page
    assert "Préparateur B" not in page


def test_groups_follow_the_capabilities_of_each_role(client, world):
    def titles(role):
        response = search(client, world["users"][role], "zz")
        return [group.key for group in response.context["results"].groups]

    assert titles(Role.COUNSELLOR) == ["people", "partners", "employers", "job_offers"]
    assert titles(Role.JOB_COACH) == ["people", "partners", "employers", "job_offers"]
    assert titles(Role.DIRECTOR) == ["people", "partners", "employers", "job_offers"]
    assert titles(Role.ADMIN) == ["people", "partners"]
    assert titles(Role.DPO) == ["people", "partners"]
    assert titles(Role.SUPERVISOR) == ["people", "partners"]
    assert titles(Role.PARTNER) == ["people"]


def test_a_supervisor_finds_only_the_people_of_their_team(client, world):
    page = search(client, world["users"][Role.SUPERVISOR], "e").content.decode()  # too short: nothing
    assert "Inès Lefèvre" not in page
    page = search(client, world["users"][Role.SUPERVISOR], "ines").content.decode()
    assert "Inès Lefèvre" in page
    page = search(client, world["users"][Role.SUPERVISOR], "oceane").content.decode()
    assert "Océane" not in page
    page = search(client, world["users"]["other_supervisor"], "ines").content.decode()
    assert "Inès Lefèvre" not in page
    assert "Aucun résultat" in page


def test_the_data_protection_officer_finds_people_but_no_employer_or_offer(client, world):
    page = search(client, world["users"][Role.DPO], "ines").content.decode()
    assert detail("people:detail", world["ines"].person) in page
    page = search(client, world["users"][Role.DPO], "preparateur").content.decode()
    assert "Préparateur" not in page


def test_a_partner_finds_only_the_people_shared_with_them_and_reaches_their_space(client, world):
    structure = world["structure"]
    organisation = world["organisation"]
    membership = MembershipFactory(structure=structure, role=Role.PARTNER)
    PartnerAccount.objects.create(membership=membership, organisation=organisation)
    partner = membership.user

    page = search(client, partner, "ines").content.decode()
    assert "Inès" not in page  # nothing shared yet

    orient(
        pathway=world["ines"],
        service=PartnerServiceFactory(organisation=organisation, needs=["housing"]),
        reason="Logement",
        shared_items=[SharedItem.STATUS],
        by=world["users"][Role.COUNSELLOR],
        record_consent=True,
        send=True,
    )
    page = search(client, partner, "ines").content.decode()
    assert reverse("partner_portal:pathway", args=[world["ines"].public_id]) in page
    assert detail("people:detail", world["ines"].person) not in page
    assert "Océane" not in search(client, partner, "oceane").content.decode()
    assert "Maison de l" not in search(client, partner, "evry").content.decode()  # no directory for partners


def test_a_partner_shared_by_a_network_is_found_like_in_the_directory(client, world):
    network = NetworkFactory()
    other = StructureFactory()
    network.structures.add(world["structure"], other)
    PartnerOrganisationFactory(structure=other, network=network, name="Épicerie solidaire du réseau")
    page = search(client, world["users"][Role.COUNSELLOR], "epicerie").content.decode()
    assert "Épicerie solidaire du réseau" in page


def test_the_live_list_is_a_fragment_of_options_and_the_full_page_a_page(client, world):
    user = world["users"][Role.COUNSELLOR]
    live = search(client, user, "ines", **LIVE)
    content = live.content.decode()
    assert "<html" not in content
    assert 'role="option"' in content
    assert 'id="search-option-people-1"' in content
    assert 'hx-swap-oob="innerHTML:#search-status"' in content
    assert "1 résultat, flèches haut et bas pour choisir" in content
    assert "HX-Request" in live["Vary"]

    page = search(client, user, "ines")
    content = page.content.decode()
    assert "<html" in content
    assert 'role="option"' not in content
    assert '<h2 id="search-results-people">Personnes</h2>' in content
    assert "1 résultat pour « ines »." in content


def test_the_header_box_is_a_combobox_on_every_page_of_a_member(client, world):
    client.force_login(world["users"][Role.COUNSELLOR])
    content = client.get(reverse("dashboards:home")).content.decode()
    assert 'role="combobox"' in content
    assert 'aria-controls="search-listbox"' in content
    assert f'action="{URL}"' in content
    client.logout()
    assert 'role="combobox"' not in client.get(reverse("accounts:login")).content.decode()


def test_empty_and_too_short_queries_say_what_to_type(client, world):
    user = world["users"][Role.COUNSELLOR]
    page = search(client, user, "").content.decode()
    assert "Saisissez le nom ou le début du nom" in page
    page = search(client, user, " é ").content.decode()
    assert "Saisissez au moins 2 caractères." in page
    live = search(client, user, "i", **LIVE).content.decode()
    assert 'role="option"' not in live
    assert "Saisissez au moins 2 caractères." in live


def test_no_result_is_said_plainly(client, world):
    page = search(client, world["users"][Role.COUNSELLOR], "xyzzy").content.decode()
    assert "Aucun résultat pour « xyzzy »." in page


def test_each_group_is_cut_with_a_link_to_the_full_list(client, world):
    structure = world["structure"]
    for n in range(10):
        PathwayFactory(person=PersonFactory(structure=structure, first_name="Inès", last_name=f"Nom{n:02d}"))
    user = world["users"][Role.COUNSELLOR]

    live = search(client, user, "ines", **LIVE)
    assert len(live.context["results"].groups[0].hits) == 5
    page = search(client, user, "ines")
    people = page.context["results"].groups[0]
    assert len(people.hits) == 8 and people.has_more
    content = page.content.decode()
    assert "Toutes les personnes correspondantes" in content

    # The link leads to the people list filtered the same way, accents ignored there too.
    listed = client.get(people.see_all_url).content.decode()
    assert "Nom09" in listed and "Lefèvre" in listed and "Océane" not in listed


@pytest.mark.parametrize(
    ("query", "group", "expected"),
    [
        ("evry", "partners", "Maison de l&#x27;Emploi d&#x27;Évry"),
        ("elise", "employers", "Les Jardins d&#x27;Élise"),
        ("preparateur", "job_offers", "Préparateur de commandes"),
    ],
)
def test_the_see_all_links_find_the_same_records_in_the_lists(client, world, query, group, expected):
    response = search(client, world["users"][Role.COUNSELLOR], query)
    found = next(g for g in response.context["results"].groups if g.key == group)
    assert found.hits
    listed = client.get(found.see_all_url).content.decode()
    assert expected in listed


def test_offers_open_first(client, world):
    company = world["company"]
    JobOfferFactory(company=company, title="Préparateur de commandes (pourvu)", status=OfferStatus.FILLED)
    response = search(client, world["users"][Role.COUNSELLOR], "preparateur")
    offers = next(g for g in response.context["results"].groups if g.key == "job_offers")
    assert [hit.label for hit in offers.hits] == ["Préparateur de commandes", "Préparateur de commandes (pourvu)"]


def test_searching_writes_no_access_log(client, world):
    before = AccessLogEntry.objects.count()
    search(client, world["users"][Role.COUNSELLOR], "ines")
    search(client, world["users"][Role.COUNSELLOR], "ines", **LIVE)
    assert AccessLogEntry.objects.count() == before


def test_the_number_of_queries_does_not_grow_with_the_results(client, world, django_assert_num_queries):
    structure = world["structure"]
    user = world["users"][Role.COUNSELLOR]
    client.force_login(user)
    client.get(URL, {"q": "ines"})  # session and first-visit work out of the way

    def count(headers):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"q": "ines"}, **headers).status_code == 200
        return len(queries)

    few_page, few_live = count({}), count(LIVE)
    # Session, user, membership, the request's savepoint and its release, then one query per group
    # and one for the statuses of the people shown.
    assert few_page == few_live == 5 + 4 + 1
    for n in range(15):
        PathwayFactory(person=PersonFactory(structure=structure, first_name="Inès", last_name=f"Nom{n:02d}"))
        PartnerOrganisationFactory(structure=structure, name=f"Inès Habitat {n}")
        JobOfferFactory(company=CompanyFactory(structure=structure, name=f"Inès & Cie {n}"), title=f"Inès poste {n}")
    # Fifteen more matches of each kind: the same queries (each group reads its first rows only).
    with django_assert_num_queries(few_page):
        client.get(URL, {"q": "ines"})
    with django_assert_num_queries(few_live):
        client.get(URL, {"q": "ines"}, **LIVE)


def test_an_anonymised_person_is_not_found_by_their_former_name(client, world):
    from django.utils import timezone

    from tremplin.retention.services import anonymise_person

    person = world["ines"].person
    anonymise_person(person, timezone.localdate())
    for former in ("ines", "lefevre"):
        response = search(client, world["users"][Role.COUNSELLOR], former)
        assert detail("people:detail", person) not in response.content.decode()
    # Its key follows the erased name, whichever way the anonymisation writes it.
    assert Person.objects.get(pk=person.pk).search_name == search_key(
        Person.objects.get(pk=person.pk).first_name, Person.objects.get(pk=person.pk).last_name
    )


def test_search_keys_follow_every_way_of_writing_a_name(structure):
    assert search_key("Inès", "Lefèvre-Durand") == "ines lefevre durand"
    assert search_key("  ŒUVRE  d'Ærø ") == "oeuvre d aero"
    assert search_key("Straße", "Łódź") == "strasse lodz"

    person = PersonFactory(structure=structure, first_name="Ines", last_name="Martin")
    person.last_name = "Lefèvre"
    person.save(update_fields=["last_name"])
    assert Person.objects.get(pk=person.pk).search_name == "ines lefevre"

    Person.objects.bulk_create([Person(structure=structure, first_name="Océane", last_name="Dupré")])
    assert Person.objects.filter(search_name="oceane dupre").exists()

    offer = JobOfferFactory(company=CompanyFactory(structure=structure), title="Agent")
    offer.title = "Électricien"
    offer.save(update_fields=["title"])
    assert JobOffer.objects.get(pk=offer.pk).search_title == "electricien"


def test_the_migrations_give_existing_rows_their_search_keys(structure):
    person = PersonFactory(structure=structure, first_name="Inès", last_name="Lefèvre")
    offer = JobOfferFactory(company=CompanyFactory(structure=structure), title="Préparateur")
    Person.objects.update(search_name="")
    JobOffer.objects.update(search_title="")
    importlib.import_module("tremplin.people.migrations.0003_person_search_name").fill_search_keys(apps, None)
    importlib.import_module("tremplin.job_offers.migrations.0002_joboffer_search_title").fill_search_keys(apps, None)
    assert Person.objects.get(pk=person.pk).search_name == "ines lefevre"
    assert JobOffer.objects.get(pk=offer.pk).search_title == "preparateur"
