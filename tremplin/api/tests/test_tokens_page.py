"""The direction's token page: create (key shown once, stored hashed), list, revoke."""

import datetime

from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.api.factories import ApiTokenFactory
from tremplin.api.models import ApiToken, hash_key

URL = "/structure/api/jetons/"


def _post(client, world, **changes):
    data = {
        "name": "Logiciel de paie",
        "membership": world["members"][Role.SUPERVISOR].pk,
        "scopes": ["people:read", "appointments:write"],
        "expires_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    data.update(changes)
    return client.post(URL, data)


def test_the_director_creates_a_token_shown_once(world, client, call):
    client.force_login(world["members"][Role.DIRECTOR].user)
    response = _post(client, world)
    assert response.status_code == 200
    key = response.context["key"]
    assert key.startswith("trp_") and key in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    assert token.key_hash == hash_key(key) and token.prefix == key[:12]
    assert token.membership == world["members"][Role.SUPERVISOR]
    assert token.scopes == ["people:read", "appointments:write"]
    assert token.created_by == world["members"][Role.DIRECTOR].user
    again = client.get(URL)
    assert key not in again.content.decode()
    assert token.prefix in again.content.decode()
    assert call(key, "GET", "/api/v1/people/").status_code == 200


def test_bad_input_names_the_field_and_creates_nothing(world, client):
    client.force_login(world["members"][Role.DIRECTOR].user)
    response = _post(client, world, name="", scopes=[], expires_on="2000-01-01")
    form = response.context["form"]
    assert set(form.errors) == {"name", "scopes", "expires_on"}
    assert form.errors["expires_on"] == ["Expire le : choisissez une date après aujourd'hui."]
    assert not ApiToken.objects.exists()


def test_no_token_for_a_partner_or_another_structures_member(world, client):
    client.force_login(world["members"][Role.DIRECTOR].user)
    response = _post(client, world, membership=world["members"][Role.PARTNER].pk)
    assert "membership" in response.context["form"].errors
    other = ApiTokenFactory()
    response = _post(client, world, membership=other.membership.pk)
    assert "membership" in response.context["form"].errors
    assert ApiToken.objects.count() == 1


def test_revoking_a_token_refuses_its_calls(world, client, call, token_for):
    token = token_for(Role.COUNSELLOR)
    client.force_login(world["members"][Role.DIRECTOR].user)
    assert client.post(f"/structure/api/jetons/{token.public_id}/revoquer/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == world["members"][Role.DIRECTOR].user
    assert call(token, "GET", "/api/v1/people/").status_code == 401


def test_a_director_of_another_structure_cannot_revoke(world, client, token_for):
    token = token_for(Role.COUNSELLOR)
    stranger = ApiTokenFactory(membership__role=Role.DIRECTOR)
    client.force_login(stranger.membership.user)
    assert client.post(f"/structure/api/jetons/{token.public_id}/revoquer/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_only_the_direction_manages_tokens(world, client):
    for role in (Role.ADMIN, Role.COUNSELLOR, Role.DPO):
        client.force_login(world["members"][role].user)
        assert client.get(URL).status_code == 403
