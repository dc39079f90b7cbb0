"""Ed25519 signing keys: generation, encryption at rest, multikey and did:key encodings.

A private key is stored encrypted with AES-256-GCM. The encryption key is derived (HKDF-SHA256)
from TREMPLIN_BADGES_KEY_SECRET when that environment variable or setting is set, else from
SECRET_KEY: changing the secret makes stored keys unusable, so set the dedicated variable in
production and keep it with the backups (docs/badges.md).
"""

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tremplin.core.sealed import seal, unseal

# Multicodec prefix of an Ed25519 public key (0xed, varint-encoded) used by Multikey and did:key.
ED25519_PUB_PREFIX = b"\xed\x01"
_INFO = b"tremplin badges signing keys v1"


def generate() -> tuple[bytes, bytes]:
    """A new key pair as (encrypted private key, raw 32-byte public key)."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return encrypt(raw_private), raw_public


def encrypt(raw_private: bytes) -> bytes:
    return seal(raw_private, info=_INFO)


def decrypt(stored: bytes) -> Ed25519PrivateKey:
    raw = unseal(stored, info=_INFO)
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key(raw_public: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes(raw_public))


def multibase(raw_public: bytes) -> str:
    """The Multikey `publicKeyMultibase`: base58btc ('z') of the multicodec-prefixed key."""
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + bytes(raw_public)).decode()


def from_multibase(value: str) -> bytes:
    if not value.startswith("z"):
        raise ValueError("not a base58btc multibase value")
    decoded = base58.b58decode(value[1:])
    if not decoded.startswith(ED25519_PUB_PREFIX) or len(decoded) != 34:
        raise ValueError("not an Ed25519 multikey")
    return decoded[2:]


def did_key(raw_public: bytes) -> str:
    return "did:key:" + multibase(raw_public)
