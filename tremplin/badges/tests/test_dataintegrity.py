"""The signing module: eddsa-rdfc-2022 round trip, tampering, pinned local contexts only."""

import datetime

import pytest

from tremplin.badges import contexts, dataintegrity, keys


def credential(did: str) -> dict:
    return {
        "@context": [contexts.VC_V2, contexts.OB_V3],
        "id": "urn:uuid:3f0c4a2e-8d1b-4c5e-9a7f-2b6d1e0c9a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did, "type": ["Profile"], "name": "ACI du Val"},
        "validFrom": "2026-11-01T10:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:4f0c4a2e-8d1b-4c5e-9a7f-2b6d1e0c9a12",
                "type": ["Achievement"],
                "name": "Sécurité",
                "description": "d",
                "criteria": {"narrative": "n"},
            },
        },
    }


@pytest.fixture
def pair():
    encrypted, public = keys.generate()
    return keys.decrypt(encrypted), public


def sign(document, private_key, public):
    did = keys.did_key(public)
    return dataintegrity.sign(
        document, private_key, f"{did}#{did[8:]}", datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    )


def test_every_shipped_context_is_there_and_matches_its_pin():
    assert contexts.check_all() == []


def test_a_signed_document_verifies_and_carries_the_proof_fields(pair):
    private_key, public = pair
    signed = sign(credential(keys.did_key(public)), private_key, public)
    proof = signed["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["proofValue"].startswith("z")
    dataintegrity.verify(signed, public)


def test_one_changed_character_breaks_the_signature(pair):
    private_key, public = pair
    signed = sign(credential(keys.did_key(public)), private_key, public)
    signed["credentialSubject"]["achievement"]["name"] = "Securité"
    with pytest.raises(dataintegrity.ProofError):
        dataintegrity.verify(signed, public)


def test_another_key_does_not_verify(pair):
    private_key, public = pair
    signed = sign(credential(keys.did_key(public)), private_key, public)
    _other_private, other_public = keys.generate()
    with pytest.raises(dataintegrity.ProofError):
        dataintegrity.verify(signed, other_public)


def test_the_loader_refuses_a_context_that_is_not_shipped():
    with pytest.raises(contexts.UnknownContext):
        contexts.document_loader("https://example.org/evil-context.jsonld")


def test_a_document_naming_an_unknown_context_cannot_be_signed_nor_verified(pair):
    private_key, public = pair
    document = credential(keys.did_key(public))
    document["@context"].append("https://example.org/evil-context.jsonld")
    with pytest.raises(Exception, match="evil-context"):
        sign(document, private_key, public)
    signed = sign(credential(keys.did_key(public)), private_key, public)
    signed["@context"].append("https://example.org/evil-context.jsonld")
    with pytest.raises(dataintegrity.ProofError, match="cannot canonicalise"):
        dataintegrity.verify(signed, public)


def test_a_context_file_that_changed_is_refused(settings, tmp_path):
    for url, (name, _sha) in contexts.PINNED.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((contexts.node_modules() / name).read_bytes() + (b"\n" if url == contexts.VC_V2 else b""))
    settings.TREMPLIN_NODE_MODULES = tmp_path
    contexts.load_context.cache_clear()
    try:
        with pytest.raises(contexts.UnknownContext, match="pinned SHA-256"):
            contexts.load_context(contexts.VC_V2)
        assert contexts.load_context(contexts.OB_V3)["@context"]["@protected"] is True
    finally:
        contexts.load_context.cache_clear()


def test_the_private_key_is_stored_encrypted_and_needs_the_secret(settings):
    encrypted, public = keys.generate()
    private_key = keys.decrypt(encrypted)
    raw = private_key.private_bytes_raw()
    assert raw not in encrypted
    settings.TREMPLIN_BADGES_KEY_SECRET = "another secret"
    with pytest.raises(Exception):  # noqa: B017, PT011 - cryptography's InvalidTag
        keys.decrypt(encrypted)


def test_multikey_encoding_round_trips():
    _encrypted, public = keys.generate()
    assert keys.multibase(public).startswith("z6Mk")
    assert keys.from_multibase(keys.multibase(public)) == public
    assert keys.did_key(public) == "did:key:" + keys.multibase(public)
