import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.notifications.factories import NotificationFactory
from tremplin.notifications.models import Notification
from tremplin.structures.factories import StructureFactory

URL = reverse("notifications:centre")


def test_the_centre_lists_ones_own_notifications_unread_first(client, structure, counsellor, member):
    read = NotificationFactory(recipient=counsellor, structure=structure, read_at=timezone.now(), title="Lue")
    unread = NotificationFactory(recipient=counsellor, structure=structure, title="Pas lue")
    NotificationFactory(recipient=member(Role.COUNSELLOR), structure=structure, title="D'un collègue")
    client.force_login(counsellor)

    response = client.get(URL)

    assert list(response.context["page"]) == [unread, read]
    assert response.context["unread"] == 1
    html = response.content.decode()
    assert "D'un collègue" not in html
    assert reverse("notifications:open", args=[unread.public_id]) in html


def test_the_centre_of_one_structure_shows_nothing_of_another(client, structure, counsellor):
    elsewhere = StructureFactory()
    MembershipFactory(user=counsellor, structure=elsewhere, role=Role.COUNSELLOR)
    NotificationFactory(recipient=counsellor, structure=elsewhere, title="Ailleurs")
    client.force_login(counsellor)
    assert len(client.get(URL).context["page"]) == 0


def test_an_empty_centre_says_what_it_will_hold(client, counsellor):
    client.force_login(counsellor)
    assert "Aucune notification" in client.get(URL).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, counsellor, count, django_assert_num_queries):
    NotificationFactory.create_batch(count, recipient=counsellor, structure=structure)
    client.force_login(counsellor)
    client.get(URL)
    # The request's own 5, the page (count and rows), the unread count, the digest choice.
    with django_assert_num_queries(9):
        client.get(URL)


def test_mark_all_read_reads_only_ones_own(client, structure, counsellor, member):
    NotificationFactory.create_batch(2, recipient=counsellor, structure=structure)
    colleagues = NotificationFactory(recipient=member(Role.COUNSELLOR), structure=structure)
    client.force_login(counsellor)

    response = client.post(reverse("notifications:mark_all_read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=counsellor, read_at__isnull=True).exists()
    colleagues.refresh_from_db()
    assert colleagues.read_at is None


def test_a_partner_has_a_centre_too(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 200
