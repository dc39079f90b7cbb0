"""The issuer page: becoming an issuer, the profile, key rotation, the published DID documents."""

from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.badges.models import DidMethod, Issuer, SigningKey


def test_the_director_makes_the_structure_an_issuer_with_a_key(client, structure, director):
    client.force_login(director)
    response = client.post(
        reverse("badges:issuer"),
        {"name": "ACI du Val", "url": "https://aci.example.org", "email": "", "description": "", "did_method": "web"},
    )
    assert response.status_code == 302
    issuer = Issuer.objects.get(structure=structure)
    assert issuer.did_method == DidMethod.WEB
    assert issuer.keys.filter(retired_at__isnull=True).count() == 1


def test_a_bad_address_is_named_and_nothing_is_saved(client, structure, director):
    client.force_login(director)
    response = client.post(reverse("badges:issuer"), {"name": "", "url": "pas une adresse", "did_method": "web"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"name", "url"}
    assert not Issuer.objects.exists()


def test_rotating_keeps_the_old_key_retired(client, issuer, director):
    client.force_login(director)
    client.post(reverse("badges:issuer"), {"action": "rotate"})
    keys = list(SigningKey.objects.filter(issuer=issuer).order_by("number"))
    assert len(keys) == 2
    assert keys[0].retired_at is not None and keys[1].retired_at is None


def test_a_counsellor_may_not_manage_the_issuer(client, structure, member):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("badges:issuer")).status_code == 403


def test_the_did_document_is_public_and_lists_every_key(client, structure):
    from tremplin.badges.factories import IssuerFactory
    from tremplin.badges.services import rotate_key

    issuer = IssuerFactory(structure=structure, did_method=DidMethod.WEB)
    rotate_key(issuer)
    response = client.get(reverse("badges:did_document", args=[issuer.public_id]))
    assert response.status_code == 200
    document = response.json()
    assert document["id"].endswith(f":badges:issuers:{issuer.public_id}")
    assert [m["id"].split("#")[1] for m in document["verificationMethod"]] == ["key-1", "key-2"]
    assert "private" not in response.content.decode().lower()


def test_a_did_key_issuer_publishes_no_did_web_document(client, issuer):
    assert client.get(reverse("badges:did_document", args=[issuer.public_id])).status_code == 404


def test_the_installation_did_document_serves_the_root_issuer_only(client, structure):
    from tremplin.badges.factories import IssuerFactory

    assert client.get("/.well-known/did.json").status_code == 404
    IssuerFactory(structure=structure, did_method=DidMethod.WEB_ROOT)
    document = client.get("/.well-known/did.json").json()
    assert document["id"].startswith("did:web:") and ":badges:" not in document["id"]
