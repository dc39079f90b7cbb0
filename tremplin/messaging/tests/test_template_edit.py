"""A structure's own text of a message (messaging:template_edit): placeholders checked before saving."""

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.messaging.models import MessageTemplate

URL = reverse("messaging:template_edit") + "?objet=reminder&langue=en"


def test_the_built_in_text_is_offered_then_the_structures_own_saved(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    assert "Hello {first_name}. Reminder" in client.get(URL).content.decode()
    response = client.post(URL, {"body": "Hi {first_name}, see you {date} at {time}. Can't come? {link}"})
    assert response.status_code == 302
    own = MessageTemplate.objects.get(structure=structure)
    assert (own.purpose, own.language) == ("reminder", "en")


def test_an_unknown_placeholder_is_refused_naming_it(client, member):
    client.force_login(member(Role.DIRECTOR))
    html = client.post(URL, {"body": "See you {date} at {time} {hour}. {link}"}).content.decode()
    assert "la variable {hour} n&#x27;existe pas" in html
    assert not MessageTemplate.objects.exists()


def test_a_missing_required_placeholder_is_refused_naming_it(client, member):
    client.force_login(member(Role.DIRECTOR))
    html = client.post(URL, {"body": "See you {date} at {time}."}).content.decode()
    assert "la variable {link} est obligatoire" in html


def test_a_broken_brace_is_refused(client, member):
    client.force_login(member(Role.DIRECTOR))
    html = client.post(URL, {"body": "See you {date at {time}. {link}"}).content.decode()
    assert "accolade" in html


def test_the_structures_text_is_used_and_can_be_reset(client, member, structure):
    from tremplin.messaging.services import template_for

    client.force_login(member(Role.DIRECTOR))
    client.post(URL, {"body": "Own {date} {time} {link}"})
    assert template_for(structure, "interview", "reminder", "en") == "Own {date} {time} {link}"
    assert client.post(URL, {"reset": "1", "body": "x"}).status_code == 302
    assert template_for(structure, "interview", "reminder", "en").startswith("Hello")


def test_an_unknown_purpose_or_language_is_404(client, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(reverse("messaging:template_edit") + "?objet=x&langue=en").status_code == 404
    assert client.get(reverse("messaging:template_edit") + "?objet=reminder&langue=de").status_code == 404
