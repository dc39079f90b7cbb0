"""Free text typed in the directory, an orientation or a partner's note is shown as text, never as markup,
on the staff pages and in the partners' space (the project-wide XSS test covers the same pages once its
world builds; this one does not depend on other apps)."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.orientations.services import orient
from tremplin.partner_portal.models import PartnerAccount, PartnerNote
from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory, PartnerServiceFactory

pytestmark = pytest.mark.django_db
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_no_page_renders_typed_text_as_markup(client, structure, pathway, counsellor):
    organisation = PartnerOrganisationFactory(
        structure=structure,
        name=f"Habitat {PAYLOAD}",
        eligibility_notes=PAYLOAD,
        area_served=PAYLOAD,
        referral_details=PAYLOAD,
    )
    service = PartnerServiceFactory(organisation=organisation, name=PAYLOAD, description=PAYLOAD)
    PartnerContactFactory(organisation=organisation, name=PAYLOAD, role=PAYLOAD)
    orientation = orient(
        pathway=pathway,
        service=service,
        reason=PAYLOAD,
        shared_items=["status", "objectives"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    PartnerNote.objects.create(pathway=pathway, organisation=organisation, text=PAYLOAD)
    partner = MembershipFactory(structure=structure, role=Role.PARTNER)
    PartnerAccount.objects.create(membership=partner, organisation=organisation)

    staff_pages = [
        reverse("partners:list"),
        reverse("partners:detail", args=[organisation.public_id]),
        reverse("orientations:pathway", args=[pathway.public_id]),
        reverse("orientations:detail", args=[orientation.public_id]),
        reverse("orientations:create", args=[pathway.public_id]),
        reverse("timeline:pathway", args=[pathway.public_id]),
    ]
    partner_pages = [
        reverse("partner_portal:home"),
        reverse("partner_portal:pathway", args=[pathway.public_id]),
        reverse("partner_portal:outcome", args=[orientation.public_id]),
    ]
    for user, pages in ((counsellor, staff_pages), (partner.user, partner_pages)):
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            html = response.content.decode()
            assert response.status_code == 200, url
            assert "<script>alert(1)" not in html and "<img src=x onerror" not in html, url
