"""External judges, always run: 1EdTech's official JSON Schema and Digital Bazaar's verifier (node, offline).

The schema is installed from the PyPI registry (judge/schema.py); the verifier from npm (package.json).
"""

import copy

import pytest

from tremplin.badges import credentials
from tremplin.badges.factories import AwardFactory, IssuerFactory
from tremplin.badges.judge import schema
from tremplin.badges.models import DidMethod, SigningKey
from tremplin.badges.services import rotate_key

from .conftest import node_verify


@pytest.fixture(scope="session")
def official_schema():
    schema.install()
    return schema.validator()


def tamper(credential: dict) -> dict:
    """One character changed in the subject."""
    changed = copy.deepcopy(credential)
    changed["credentialSubject"]["type"] = ["AchievementSubjekt"]
    return changed


def test_the_schema_is_the_official_one_and_it_discriminates(official_schema, pathway, achievement):
    assert official_schema.schema["$id"] == schema.SCHEMA_ID
    award = AwardFactory(pathway=pathway, achievement=achievement)
    broken = copy.deepcopy(award.credential)
    del broken["issuer"]
    assert list(official_schema.iter_errors(broken))
    badly_dated = copy.deepcopy(award.credential)
    badly_dated["validFrom"] = "22/11/2026"
    assert schema.errors(badly_dated)


def test_an_issued_credential_passes_both_judges(official_schema, pathway, achievement, tmp_path):
    award = AwardFactory(pathway=pathway, achievement=achievement, level=4)
    assert schema.errors(award.credential) == []
    assert node_verify(award.credential, tmp_path) == {"verified": True, "error": ""}
    assert award.credential["credentialSubject"]["result"][0]["value"] == "4"
    assert award.credential["issuer"]["id"].startswith("did:key:z6Mk")


def test_a_tampered_credential_fails_both_judges(official_schema, pathway, achievement, tmp_path):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    tampered = tamper(award.credential)
    assert schema.errors(tampered)
    verdict = node_verify(tampered, tmp_path)
    assert verdict["verified"] is False


def test_a_changed_name_fails_the_signature_judge(pathway, achievement, tmp_path):
    award = AwardFactory(pathway=pathway, achievement=achievement)
    changed = copy.deepcopy(award.credential)
    changed["credentialSubject"]["achievement"]["name"] += "!"
    assert node_verify(changed, tmp_path)["verified"] is False


def test_did_web_credentials_verify_with_the_published_did_document(official_schema, structure, pathway, tmp_path):
    issuer = IssuerFactory(structure=structure, did_method=DidMethod.WEB)
    award = AwardFactory(pathway=pathway)
    document = credentials.did_document(issuer, SigningKey.objects.filter(issuer=issuer))
    assert award.credential["issuer"]["id"] == document["id"]
    assert award.credential["proof"]["verificationMethod"] == f"{document['id']}#key-1"
    assert schema.errors(award.credential) == []
    assert node_verify(award.credential, tmp_path, document)["verified"] is True
    # Without the DID document, nothing resolves the key: no network, no verification.
    assert node_verify(award.credential, tmp_path)["verified"] is False


def test_after_a_key_rotation_earlier_credentials_still_verify(structure, pathway, tmp_path):
    issuer = IssuerFactory(structure=structure, did_method=DidMethod.WEB)
    first = AwardFactory(pathway=pathway)
    rotate_key(issuer)
    second = AwardFactory(pathway=pathway, achievement__name="Autre badge")
    document = credentials.did_document(issuer, SigningKey.objects.filter(issuer=issuer))
    assert len(document["assertionMethod"]) == 2
    assert second.credential["proof"]["verificationMethod"].endswith("#key-2")
    assert node_verify(first.credential, tmp_path, document)["verified"] is True
    assert node_verify(second.credential, tmp_path, document)["verified"] is True
