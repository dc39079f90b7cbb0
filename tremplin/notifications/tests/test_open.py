from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.notifications.factories import NotificationFactory
from tremplin.structures.factories import StructureFactory


def _open(client, notification):
    return client.post(reverse("notifications:open", args=[notification.public_id]))


def test_opening_marks_read_and_goes_to_the_place_to_act(client, structure, counsellor):
    notification = NotificationFactory(recipient=counsellor, structure=structure, url="/observations/a-lire/#x")
    client.force_login(counsellor)

    response = _open(client, notification)

    assert response.status_code == 302 and response.url == "/observations/a-lire/#x"
    notification.refresh_from_db()
    assert notification.read_at is not None
    read_at = notification.read_at
    _open(client, notification)  # opened again: still the first reading
    notification.refresh_from_db()
    assert notification.read_at == read_at


def test_someone_elses_notification_answers_404(client, structure, counsellor, member):
    notification = NotificationFactory(recipient=counsellor, structure=structure)
    client.force_login(member(Role.COUNSELLOR))
    assert _open(client, notification).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_notification_of_another_structure_answers_404(client, structure, counsellor):
    """Working in structure A, one's own notification of structure B is not opened from A."""
    elsewhere = StructureFactory()
    MembershipFactory(user=counsellor, structure=elsewhere, role=Role.COUNSELLOR)
    notification = NotificationFactory(recipient=counsellor, structure=elsewhere)
    client.force_login(counsellor)
    assert _open(client, notification).status_code == 404


def test_a_url_that_leaves_the_site_is_never_followed(client, structure, counsellor):
    notification = NotificationFactory(recipient=counsellor, structure=structure, url="https://evil.example/")
    client.force_login(counsellor)
    assert _open(client, notification).status_code == 404


def test_opening_is_a_post(client, structure, counsellor):
    notification = NotificationFactory(recipient=counsellor, structure=structure)
    client.force_login(counsellor)
    assert client.get(reverse("notifications:open", args=[notification.public_id])).status_code == 405
