import pytest
from django.urls import reverse

from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.partners.models import PartnerContact, PartnerService
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def test_a_service_is_added_with_the_needs_it_answers(signed_in, structure):
    organisation = PartnerOrganisationFactory(structure=structure)
    response = signed_in.post(
        reverse("partners:service_add", args=[organisation.public_id]),
        {"name": "Aide au permis", "needs": ["mobility", "money"]},
    )
    assert response.status_code == 302
    assert sorted(PartnerService.objects.get().need_codes) == ["mobility", "money"]


def test_a_service_needs_at_least_one_need(signed_in, structure):
    organisation = PartnerOrganisationFactory(structure=structure)
    response = signed_in.post(reverse("partners:service_add", args=[organisation.public_id]), {"name": "Aide"})
    assert "cochez au moins un besoin" in response.content.decode()
    assert not PartnerService.objects.exists()


def test_editing_a_service_replaces_its_needs(signed_in, structure):
    service = PartnerServiceFactory(organisation=PartnerOrganisationFactory(structure=structure), needs=["housing"])
    response = signed_in.post(
        reverse("partners:service_edit", args=[service.public_id]),
        {"name": service.name, "needs": ["money"], "is_active": "on"},
    )
    assert response.status_code == 302
    assert service.need_codes == ["money"]


def test_a_contact_needs_a_phone_or_an_email(signed_in, structure):
    organisation = PartnerOrganisationFactory(structure=structure)
    response = signed_in.post(reverse("partners:contact_add", args=[organisation.public_id]), {"name": "Sophie"})
    assert "au moins un téléphone ou un courriel" in response.content.decode()
    assert not PartnerContact.objects.exists()


def test_other_structures_services_and_contacts_answer_404(signed_in):
    other = PartnerOrganisationFactory(structure=StructureFactory())
    assert (
        signed_in.get(
            reverse("partners:service_edit", args=[PartnerServiceFactory(organisation=other).public_id])
        ).status_code
        == 404
    )
    assert (
        signed_in.get(
            reverse("partners:contact_edit", args=[PartnerContactFactory(organisation=other).public_id])
        ).status_code
        == 404
    )
    assert signed_in.get(reverse("partners:contact_add", args=[other.public_id])).status_code == 404
