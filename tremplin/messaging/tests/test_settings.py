"""The structure's settings of messages (messaging:settings)."""

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.messaging.models import MessagingSettings

URL = reverse("messaging:settings")


def data(**fields):
    values = {
        "reminder_hours_before": "24",
        "reminder_morning_before": "on",
        "quiet_from": "21:00",
        "quiet_until": "07:30",
        "daily_cap": "50",
        "sender_name": "Recyclerie",
    }
    values.update(fields)
    return values


def test_the_defaults_are_shown_then_saved(client, member, structure):
    director = member(Role.DIRECTOR)
    client.force_login(director)
    html = client.get(URL).content.decode()
    assert 'value="48"' in html and "20:00" in html
    assert client.post(URL, data()).status_code == 302
    saved = MessagingSettings.objects.get(structure=structure)
    assert saved.reminder_hours_before == 24 and saved.daily_cap == 50 and saved.sender_name == "Recyclerie"


def test_a_sender_name_with_spaces_or_accents_is_refused(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(URL, data(sender_name="Récup Ok"))
    assert "Nom de l&#x27;expéditeur : lettres sans accent" in response.content.decode()
    assert not MessagingSettings.objects.exists()


def test_a_cap_of_zero_is_refused(client, member):
    client.force_login(member(Role.DIRECTOR))
    assert "au moins 1" in client.post(URL, data(daily_cap="0")).content.decode()


def test_a_counsellor_may_not_change_them(client, member):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(URL).status_code == 403
