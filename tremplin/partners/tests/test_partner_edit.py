import pytest
from django.urls import reverse

from tremplin.core.tests.helpers import with_token
from tremplin.partners.factories import PartnerOrganisationFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(organisation):
    return reverse("partners:edit", args=[organisation.public_id])


def test_it_saves_the_changes(signed_in, structure):
    organisation = PartnerOrganisationFactory(structure=structure, name="Mission locale")
    form = signed_in.get(url(organisation)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "network"}
    data.update(name="Mission locale de Roubaix", department_codes="59, 62")
    response = signed_in.post(url(organisation), with_token(signed_in, url(organisation), data))
    organisation.refresh_from_db()
    assert response.status_code == 302
    assert organisation.normalised_name == "mission locale de roubaix"
    assert organisation.department_codes == " 59 62 "


def test_it_refuses_another_structures_partner(signed_in):
    assert signed_in.get(url(PartnerOrganisationFactory(structure=StructureFactory()))).status_code == 404
