"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C vc-di-eddsa), on pyld and cryptography.

Signing: the document (without proof) and the proof options (with the document's @context) are each
canonicalised with RDFC-1.0 (pyld's URDNA2015, same output), hashed with SHA-256, and the Ed25519
signature of hash(options) + hash(document) becomes `proofValue` (multibase base58btc).
"""

import datetime
import hashlib

import base58
from cryptography.exceptions import InvalidSignature
from pyld import jsonld

from . import keys
from .contexts import UnknownContext, document_loader

CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(Exception):
    """The proof is missing, malformed or does not verify."""


def canonicalize(document: dict) -> str:
    """RDFC-1.0 N-Quads; a context that is not shipped surfaces as UnknownContext, whatever pyld wraps it in."""
    try:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
                "safe": True,
            },
        )
    except jsonld.JsonLdError as error:
        cause, seen = error, set()
        while cause is not None and id(cause) not in seen:
            seen.add(id(cause))
            if isinstance(cause, UnknownContext):
                raise cause from error
            cause = getattr(cause, "cause", None) or cause.__cause__ or cause.__context__
        raise


def _hash_data(document: dict, options: dict) -> bytes:
    return (
        hashlib.sha256(canonicalize(options).encode()).digest()
        + hashlib.sha256(canonicalize(document).encode()).digest()
    )


def proof_options(document: dict, verification_method: str, created: datetime.datetime) -> dict:
    return {
        "@context": document["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }


def sign(document: dict, private_key, verification_method: str, created: datetime.datetime) -> dict:
    """A copy of `document` with its proof added."""
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = proof_options(unsecured, verification_method, created)
    signature = private_key.sign(_hash_data(unsecured, options))
    proof = {key: value for key, value in options.items() if key != "@context"}
    proof["proofValue"] = "z" + base58.b58encode(signature).decode()
    return {**unsecured, "proof": proof}


def verify(secured: dict, raw_public: bytes) -> None:
    """Raises ProofError unless the proof verifies with this public key."""
    proof = secured.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("no proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("unsupported proof type")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("unexpected proof purpose")
    value = proof.get("proofValue", "")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError("proofValue is not base58btc")
    try:
        signature = base58.b58decode(value[1:])
    except ValueError as error:
        raise ProofError("proofValue is not base58btc") from error
    unsecured = {key: val for key, val in secured.items() if key != "proof"}
    options = {key: val for key, val in proof.items() if key != "proofValue"}
    options["@context"] = unsecured.get("@context")
    try:
        data = _hash_data(unsecured, options)
    except (UnknownContext, jsonld.JsonLdError) as error:
        raise ProofError(f"cannot canonicalise: {error}") from error
    try:
        keys.public_key(raw_public).verify(signature, data)
    except InvalidSignature as error:
        raise ProofError("the signature does not match") from error
