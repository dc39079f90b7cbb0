"""Every demo account lands on a working first screen."""

from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Capability
from tremplin.dashboards.services import contracts_ending
from tremplin.demo import builder


def test_every_demo_account_opens_its_home_page_and_allowed_dashboards(client, demo):
    for user in builder.demo_users():
        client.force_login(user)
        assert client.get(reverse("dashboards:home")).status_code == 200, user.email
        membership = user.memberships.select_related("structure").first()
        expected = 200 if membership.can(Capability.VIEW_STRUCTURE_DASHBOARD) else 403
        assert client.get(reverse("dashboards:structure")).status_code == expected, user.email
        client.logout()


def test_the_demo_shows_contracts_ending_soon_in_each_structure(demo):
    for structure in builder.demo_structures():
        assert contracts_ending(structure, timezone.localdate()), structure.name
