"""From the records to Open Badges 3.0 documents: issuer DIDs and DID documents, the credential."""

import base64
import datetime
import hashlib
import secrets

from django.urls import reverse

from . import conf, keys
from .contexts import DID_V1, MULTIKEY_V1, OB_V3, VC_V2
from .models import DidMethod

RESULT_DESCRIPTION = "level"


def iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def data_uri(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(bytes(data)).decode()}"


def issuer_did(issuer, key) -> str:
    """The issuer's DID when signing with `key` (a did:key changes with the key)."""
    if issuer.did_method == DidMethod.KEY:
        return keys.did_key(key.public_key)
    if issuer.did_method == DidMethod.WEB_ROOT:
        return f"did:web:{conf.did_web_domain()}"
    return f"did:web:{conf.did_web_domain()}:badges:issuers:{issuer.public_id}"


def verification_method(issuer, key) -> str:
    did = issuer_did(issuer, key)
    if issuer.did_method == DidMethod.KEY:
        return f"{did}#{did.removeprefix('did:key:')}"
    return f"{did}#key-{key.number}"


def did_document(issuer, signing_keys) -> dict:
    """The did:web document: every key, retired ones included, so earlier credentials still verify."""
    did = issuer_did(issuer, None) if issuer.did_method != DidMethod.KEY else None
    methods = [
        {
            "id": verification_method(issuer, key),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": keys.multibase(key.public_key),
        }
        for key in signing_keys
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def did_key_document(public_key: bytes) -> dict:
    did = keys.did_key(public_key)
    method = f"{did}#{did.removeprefix('did:key:')}"
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [
            {"id": method, "type": "Multikey", "controller": did, "publicKeyMultibase": keys.multibase(public_key)}
        ],
        "assertionMethod": [method],
    }


def issuer_profile(issuer, key) -> dict:
    profile = {"id": issuer_did(issuer, key), "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        profile["url"] = issuer.url
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.image:
        profile["image"] = {"id": data_uri(issuer.image, issuer.image_type), "type": "Image"}
    return profile


def achievement_document(achievement, image: tuple[bytes, str]) -> dict:
    document = {
        "id": f"urn:uuid:{achievement.public_id}",
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "image": {"id": data_uri(*image), "type": "Image", "caption": achievement.name},
        "inLanguage": "fr",
    }
    if achievement.alignment_code or achievement.alignment_name:
        framework = achievement.alignment_framework or "OWN"
        target_url = achievement.alignment_url or f"urn:x-tremplin:{framework.lower()}:{achievement.alignment_code}"
        alignment = {
            "type": ["Alignment"],
            "targetName": achievement.alignment_name or achievement.alignment_code,
            "targetUrl": target_url,
            "targetType": "ceasn:Competency",
            "targetFramework": achievement.get_alignment_framework_display() if achievement.alignment_framework else "",
            "targetCode": achievement.alignment_code,
        }
        document["alignment"] = [{key: value for key, value in alignment.items() if value}]
    result_description = {
        "id": f"urn:uuid:{achievement.public_id}#{RESULT_DESCRIPTION}",
        "type": ["ResultDescription"],
        "name": "Niveau évalué par l'accompagnant·e (0 à 5)",
        "resultType": "RawScore",
        "valueMin": "0",
        "valueMax": "5",
    }
    if achievement.required_level is not None:
        result_description["requiredValue"] = str(achievement.required_level)
    document["resultDescription"] = [result_description]
    return document


def identity(person, salt: str) -> dict:
    """The person, named only by a salted hash of their full name: the holder can show it is theirs,
    a reader of the file alone learns nothing."""
    digest = hashlib.sha256((person.full_name.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "name",
        "hashed": True,
        "salt": salt,
    }


def build(award, issuer, key, image: tuple[bytes, str]) -> dict:
    """The unsigned OpenBadgeCredential of an award."""
    achievement = award.achievement
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [identity(award.person, secrets.token_hex(8))],
        "achievement": achievement_document(achievement, image),
        "activityEndDate": iso(award.awarded_at),
    }
    if award.level is not None:
        subject["result"] = [
            {
                "type": ["Result"],
                "resultDescription": f"urn:uuid:{achievement.public_id}#{RESULT_DESCRIPTION}",
                "value": str(award.level),
            }
        ]
    credential = {
        "@context": [VC_V2, OB_V3],
        "id": conf.base_url() + reverse("badges:verify", args=[award.public_id]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.name,
        "issuer": issuer_profile(issuer, key),
        "validFrom": iso(award.awarded_at),
        "credentialSubject": subject,
    }
    if award.valid_until:
        credential["validUntil"] = iso(award.valid_until)
    return credential
