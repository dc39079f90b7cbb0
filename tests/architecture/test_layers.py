"""The layers of docs/architecture.md, held against the code's imports.

Every `import` and `from … import` under tremplin/ (tests excepted, imports inside functions included)
is read with `ast`; none of the project's code is run. The foundation apps form a ladder:
each imports only the foundation apps below it, so no import cycle can pass through them and no
foundation app depends on a domain app. The top layer (first screens, demo, benchmark) is
imported by nobody but itself, apart from the demo's plug-in modules (decision 0006).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "tremplin"

# Foundation, from the ground up: what each app may import besides itself.
FOUNDATION: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "structures": frozenset({"core"}),
    "accounts": frozenset({"core", "structures"}),
}
# Nothing below imports these; they import whatever they need.
TOP = frozenset({"dashboards", "demo", "benchmark"})
# An app's `demo.py` plugs into the demo and may use its builder's types (docs/decisions/0006).
PLUG_INS = {"demo": "demo.py"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, relative ones resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from tremplin import accounts` names the app in the alias.
            if target == PACKAGE:
                found += [(node.lineno, f"{PACKAGE}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == PACKAGE else None


def app_imports() -> list[tuple[str, str, str, str]]:
    """(importing app, imported app, file:line, imported module) for every import between two apps."""
    rows = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "tests" in relative.parts:
            continue
        source_app = relative.parts[1] if len(relative.parts) > 2 else None
        if source_app is None:
            continue
        for line, module in _imported_modules(path):
            target_app = _app_of(module)
            if target_app is not None and target_app != source_app:
                rows.append((source_app, target_app, f"{relative}:{line}", module))
    return rows


def test_the_reader_sees_every_kind_of_import(tmp_path, monkeypatch):
    """The parser itself: absolute, relative, package-level and nested imports all count."""
    package = tmp_path / PACKAGE / "people"
    package.mkdir(parents=True)
    (package / "views.py").write_text(
        "import tremplin.accounts.access\n"
        "from tremplin import pathways\n"
        "from ..contracts.models import Contract\n"
        "from .models import Person\n"
        "def view():\n"
        "    from tremplin.dashboards import services\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert sorted(app_imports()) == [
        ("people", "accounts", "tremplin/people/views.py:1", "tremplin.accounts.access"),
        ("people", "contracts", "tremplin/people/views.py:3", "tremplin.contracts.models"),
        ("people", "dashboards", "tremplin/people/views.py:6", "tremplin.dashboards"),
        ("people", "pathways", "tremplin/people/views.py:2", "tremplin.pathways"),
    ]


def test_the_rule_tables_name_real_apps():
    apps = {path.name for path in (ROOT / PACKAGE).iterdir() if (path / "apps.py").exists()}
    assert set(FOUNDATION) | TOP <= apps
    for allowed in FOUNDATION.values():
        assert allowed <= set(FOUNDATION)


def test_foundation_apps_import_only_the_foundation_below_them():
    offending = [
        f"{where}: {source} imports {module}"
        for source, target, where, module in app_imports()
        if source in FOUNDATION and target not in FOUNDATION[source]
    ]
    assert not offending, "The foundation imports above itself (docs/architecture.md):\n" + "\n".join(offending)


def test_nothing_below_the_top_layer_imports_it():
    offending = [
        f"{where}: {source} imports {module}"
        for source, target, where, module in app_imports()
        if target in TOP
        and source not in TOP
        and not (target in PLUG_INS and where.split(":")[0].endswith(f"/{source}/{PLUG_INS[target]}"))
    ]
    assert not offending, "An app imports the top layer (docs/architecture.md):\n" + "\n".join(offending)


@pytest.mark.parametrize("app", sorted(FOUNDATION))
def test_no_import_cycle_passes_through_a_foundation_app(app):
    """Reachability over the whole app graph: a foundation app never reaches back to itself."""
    graph: dict[str, set[str]] = {}
    for source, target, _where, _module in app_imports():
        graph.setdefault(source, set()).add(target)
    seen, stack = set(), list(graph.get(app, ()))
    while stack:
        current = stack.pop()
        if current == app:
            pytest.fail(f"{app} reaches itself through the imports of {sorted(seen)}")
        if current not in seen:
            seen.add(current)
            stack.extend(graph.get(current, ()))
