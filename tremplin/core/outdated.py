"""Pinned packages with a newer release, for `make outdated` (run by CI as a printed warning).

Vulnerability databases cannot be reached from every machine that builds Tremplin, so pins are kept current
by reading release notes; this lists what to read. A newer patch release on the same minor series (where
security fixes land) is flagged first; newer minor or major series are listed as information. A deliberate
hold is declared with its reason in pyproject.toml, `[tool.tremplin.outdated-holds]`, and printed as held.

It never fails the build: an upstream release must not block unrelated work, and an unreachable index only
prints a warning.
"""

import dataclasses
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.version import InvalidVersion, Version

BASE_DIR = Path(__file__).resolve().parents[2]
REQUIREMENT_FILES = ("requirements.txt", "requirements-dev.txt")
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*([^\s;#]+)")


@dataclasses.dataclass(frozen=True)
class Finding:
    name: str
    pinned: str
    patch: str | None  # newest release of the same major.minor series, when newer than the pin
    latest: str | None  # newest release of all, when newer than the pin and than `patch`
    hold: str | None = None  # reason of a deliberate hold


def read_pins(paths: Iterable[Path]) -> dict[str, str]:
    """`name==version` lines of the requirement files (includes with -r are read by their own path)."""
    pins: dict[str, str] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            match = PIN.match(line)
            if match:
                pins[match.group(1)] = match.group(3)
    return pins


def read_holds(pyproject: Path) -> dict[str, str]:
    data = tomllib.loads(pyproject.read_text())
    holds = data.get("tool", {}).get("tremplin", {}).get("outdated-holds", {})
    return {name.lower(): str(reason) for name, reason in holds.items()}


def _parse(version: str) -> Version | None:
    try:
        return Version(version)
    except InvalidVersion:
        return None


def classify(name: str, pinned: str, available: Iterable[str], holds: dict[str, str] | None = None) -> Finding | None:
    """What is newer than `pinned` among `available` (pre-releases ignored), or None when nothing is."""
    current = _parse(pinned)
    if current is None:
        return None
    releases = [v for v in (_parse(a) for a in available) if v is not None and not v.is_prerelease and v > current]
    if not releases:
        return None
    same_series = [v for v in releases if v.release[:2] == current.release[:2]]
    patch = max(same_series) if same_series else None
    newest = max(releases)
    latest = newest if patch is None or newest > patch else None
    return Finding(
        name=name,
        pinned=pinned,
        patch=str(patch) if patch else None,
        latest=str(latest) if latest else None,
        hold=(holds or {}).get(name.lower()),
    )


def available_versions(name: str, timeout: float = 30) -> list[str] | None:
    """Versions the configured package index offers for `name` (pip's own view), or None when unreachable."""
    try:
        result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
            [sys.executable, "-m", "pip", "index", "versions", name, "--disable-pip-version-check"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in result.stdout.splitlines():
        if line.startswith("Available versions:"):
            return [v.strip() for v in line.split(":", 1)[1].split(",") if v.strip()]
    return None


def report(
    pins: dict[str, str], holds: dict[str, str], lookup: Callable[[str], list[str] | None]
) -> tuple[list[Finding], list[str]]:
    """Findings sorted by name, and the names whose versions could not be read."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = dict(zip(pins, pool.map(lookup, pins), strict=True))
    findings, unreachable = [], []
    for name in sorted(pins, key=str.lower):
        versions = answers[name]
        if versions is None:
            unreachable.append(name)
            continue
        finding = classify(name, pins[name], versions, holds)
        if finding:
            findings.append(finding)
    return findings, unreachable


def format_report(findings: list[Finding], unreachable: list[str]) -> str:
    lines = []
    to_read = [f for f in findings if f.patch and not f.hold]
    if to_read:
        lines.append("WARNING: pinned packages with a newer patch release (read the notes, then update the pin):")
        lines += [f"  {f.name} {f.pinned} -> {f.patch}" for f in to_read]
    newer = [f for f in findings if f.latest and not f.hold]
    if newer:
        lines.append("Newer minor or major releases (read the notes before moving):")
        lines += [f"  {f.name} {f.pinned} -> {f.latest}" for f in newer]
    held = [f for f in findings if f.hold]
    if held:
        lines.append("Held on purpose (pyproject.toml, [tool.tremplin.outdated-holds]):")
        lines += [f"  {f.name} {f.pinned} (newer: {f.patch or f.latest}): {f.hold}" for f in held]
    if unreachable:
        lines.append("WARNING: the package index did not answer for: " + ", ".join(unreachable))
    if not lines:
        lines.append("Every pinned package is at its newest release.")
    return "\n".join(lines)


def main() -> int:
    pins = read_pins(BASE_DIR / name for name in REQUIREMENT_FILES)
    holds = read_holds(BASE_DIR / "pyproject.toml")
    findings, unreachable = report(pins, holds, available_versions)
    print(format_report(findings, unreachable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
