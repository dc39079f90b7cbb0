import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.orientations.factories import OrientationFactory
from tremplin.partners.factories import (
    NetworkFactory,
    PartnerContactFactory,
    PartnerOrganisationFactory,
    PartnerServiceFactory,
)
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(organisation):
    return reverse("partners:detail", args=[organisation.public_id])


def test_it_shows_services_contacts_and_the_history_of_referrals(signed_in, structure):
    organisation = PartnerOrganisationFactory(structure=structure, name="Habitat Jeunes")
    service = PartnerServiceFactory(organisation=organisation, name="Recherche de logement", needs=["housing"])
    PartnerContactFactory(organisation=organisation, name="Sophie Leroy", phone="03 20 55 66 77")
    person = PersonFactory(structure=structure, first_name="Amina", last_name="Diallo")
    OrientationFactory(pathway=PathwayFactory(person=person), service=service)

    html = signed_in.get(url(organisation)).content.decode()

    assert "Recherche de logement" in html and "Logement" in html
    assert "Sophie Leroy" in html and "03 20 55 66 77" in html
    assert "1 orientation de votre structure" in html
    assert "Amina Diallo" in html


def test_a_supervisor_sees_the_counts_but_not_the_names(client, member, structure):
    organisation = PartnerOrganisationFactory(structure=structure)
    person = PersonFactory(structure=structure, first_name="Amina", last_name="Diallo")
    OrientationFactory(pathway=PathwayFactory(person=person), service=PartnerServiceFactory(organisation=organisation))
    client.force_login(member(Role.SUPERVISOR))
    html = client.get(url(organisation)).content.decode()
    assert "1 orientation de votre structure" in html
    assert "Amina Diallo" not in html


def test_it_refuses_another_structures_partner(signed_in):
    assert signed_in.get(url(PartnerOrganisationFactory(structure=StructureFactory()))).status_code == 404


def test_a_network_member_reads_but_does_not_edit_a_shared_partner(signed_in, structure):
    other = StructureFactory()
    network = NetworkFactory()
    network.structures.add(structure, other)
    shared = PartnerOrganisationFactory(structure=other, network=network)
    assert signed_in.get(url(shared)).status_code == 200
    assert signed_in.get(reverse("partners:edit", args=[shared.public_id])).status_code == 403
    assert signed_in.get(reverse("partners:service_add", args=[shared.public_id])).status_code == 403
