"""Secrets kept encrypted at rest: AES-256-GCM under a key derived (HKDF-SHA256) per purpose.

The secret is TREMPLIN_BADGES_KEY_SECRET (setting or environment variable) when set, else SECRET_KEY:
changing it makes what was sealed unreadable, so set it in production and keep it with the backups
(docs/badges.md). Each purpose (`info`) derives its own key, so a badge key and a platform token never
share one.
"""

import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_NONCE = 12


def _secret() -> bytes:
    secret = getattr(settings, "TREMPLIN_BADGES_KEY_SECRET", "") or os.environ.get("TREMPLIN_BADGES_KEY_SECRET", "")
    return (secret or settings.SECRET_KEY).encode()


def _key(info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(_secret())


def seal(data: bytes, *, info: bytes) -> bytes:
    """`data` encrypted and authenticated for `info`: nonce followed by the ciphertext."""
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(_key(info)).encrypt(nonce, data, info)


def unseal(stored: bytes, *, info: bytes) -> bytes:
    """The data `seal` encrypted; raises cryptography's InvalidTag when the secret or the data changed."""
    stored = bytes(stored)
    return AESGCM(_key(info)).decrypt(stored[:_NONCE], stored[_NONCE:], info)
