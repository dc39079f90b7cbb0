"""Object-level: for every URL of the partners' space, a partner never reaches a pathway not shared with them."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.consent.models import Consent
from tremplin.consent.services import withdraw_consent
from tremplin.orientations.services import end_share, orient
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partners.factories import PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.pathways.services import change_status as change_pathway_status

pytestmark = pytest.mark.django_db


def urls(orientation):
    pathway = orientation.pathway
    return {
        "pathway": ("get", reverse("partner_portal:pathway", args=[pathway.public_id])),
        "note_add": ("post", reverse("partner_portal:note_add", args=[pathway.public_id])),
        "outcome": ("get", reverse("partner_portal:outcome", args=[orientation.public_id])),
        "outcome_post": ("post", reverse("partner_portal:outcome", args=[orientation.public_id])),
    }


def statuses(client, orientation) -> dict[str, int]:
    answers = {}
    for name, (method, url) in urls(orientation).items():
        data = {"text": "Note", "status": "accepted"} if method == "post" else None
        answers[name] = getattr(client, method)(url, data).status_code
    return answers


def test_the_partner_reaches_every_url_of_a_shared_pathway(partner_client, shared):
    answers = statuses(partner_client, shared)
    assert answers["pathway"] == 200 and answers["outcome"] == 200
    assert answers["note_add"] == 302 and answers["outcome_post"] == 302


def test_a_pathway_not_shared_answers_404_everywhere(partner_client, structure, not_shared, counsellor):
    # Oriented to another organisation of the same structure: still not shared with this partner.
    other = PartnerOrganisationFactory(structure=structure, name="Garage solidaire")
    orientation = orient(
        pathway=not_shared,
        service=PartnerServiceFactory(organisation=other),
        reason="x",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    assert set(statuses(partner_client, orientation).values()) == {404}


def test_a_partner_of_another_organisation_gets_404_everywhere(client, structure, shared):
    membership = MembershipFactory(structure=structure, role=Role.PARTNER)
    PartnerAccount.objects.create(membership=membership, organisation=PartnerOrganisationFactory(structure=structure))
    client.force_login(membership.user)
    assert set(statuses(client, shared).values()) == {404}


def test_a_partner_user_without_an_organisation_gets_404_everywhere(client, member, shared):
    client.force_login(member(Role.PARTNER))
    assert set(statuses(client, shared).values()) == {404}


def test_access_ends_at_once_when_the_consent_is_withdrawn(partner_client, shared, counsellor):
    withdraw_consent(Consent.objects.get(person=shared.pathway.person), by=counsellor)
    assert set(statuses(partner_client, shared).values()) == {404}
    assert "Amina Diallo" not in partner_client.get(reverse("partner_portal:home")).content.decode()


def test_access_ends_at_once_when_the_pathway_is_closed(partner_client, shared, counsellor):
    pathway = shared.pathway
    change_pathway_status(pathway, "exited", by=counsellor, reason="Fin de contrat")
    change_pathway_status(pathway, "closed", by=counsellor, reason="Clôture")
    assert set(statuses(partner_client, shared).values()) == {404}
    assert "Amina Diallo" not in partner_client.get(reverse("partner_portal:home")).content.decode()


def test_access_ends_when_the_share_is_stopped(partner_client, shared, counsellor):
    end_share(shared.shares.get(), by=counsellor)
    assert set(statuses(partner_client, shared).values()) == {404}


def test_staff_never_use_the_partners_space(client, member, shared):
    client.force_login(member(Role.DIRECTOR))
    answers = statuses(client, shared)
    assert set(answers.values()) == {403}


def test_the_partner_still_gets_404_on_the_staff_pages_of_a_shared_pathway(partner_client, shared):
    pathway = shared.pathway
    for url in (
        reverse("people:detail", args=[pathway.person.public_id]),
        reverse("orientations:pathway", args=[pathway.public_id]),
        reverse("orientations:detail", args=[shared.public_id]),
        reverse("timeline:pathway", args=[pathway.public_id]),
    ):
        assert partner_client.get(url).status_code == 404, url
