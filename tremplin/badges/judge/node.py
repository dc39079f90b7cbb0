"""Runs verify.mjs (Digital Bazaar's verifier) with node on a credential and DID documents."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "verify.mjs"


def available() -> bool:
    return shutil.which("node") is not None


def verify(credential: dict, *did_documents: dict) -> dict:
    """{"verified": bool, "error": str}. Needs node and `npm install` (package.json's devDependencies)."""
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node is not installed")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, document in enumerate([credential, *did_documents]):
            path = Path(folder) / f"{index}.json"
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            files.append(str(path))
        completed = subprocess.run(  # noqa: S603 - our own script on our own files
            [node, str(SCRIPT), *files], capture_output=True, text=True, timeout=120, check=False
        )
    if not completed.stdout:
        raise RuntimeError(f"the verifier did not answer: {completed.stderr}")
    return json.loads(completed.stdout)
