"""The uploaded file between the steps of an import, encrypted at rest (AES-256-GCM).

The key is derived (HKDF-SHA256) from SECRET_KEY with this purpose's own label, as the badges' signing keys
are; the file is deleted once imported, abandoned or a day old (`purge_import_files`), so a changed secret
only costs an upload in progress."""

import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_NONCE = 12
_INFO = b"tremplin onboarding uploads v1"


def _key() -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(settings.SECRET_KEY.encode())


def seal(content: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(_key()).encrypt(nonce, content, _INFO)


def unseal(stored: bytes) -> bytes:
    stored = bytes(stored)
    return AESGCM(_key()).decrypt(stored[:_NONCE], stored[_NONCE:], _INFO)
