"""End-to-end fixtures: Debian's Chromium driven by Playwright, axe-core injected from node_modules.

Playwright's sync API runs an event loop in the test thread; Django's ORM
refuses to run there unless told it is safe, which it is for tests.
"""

import datetime
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="fr-FR", base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        locale="fr-FR", base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page) -> None:
    """Runs axe-core on the current page; fails on serious or critical violations."""
    if not AXE_PATH.exists():
        pytest.fail("axe-core is not installed: run `npm install` (make test does it).")
    # Evaluated through the DevTools protocol, not added as a <script>: the pages' CSP forbids inline scripts.
    page.evaluate(AXE_PATH.read_text() + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious
    )
    assert not serious, f"Accessibility violations on {page.url}:\n{details}"


def decode_qr(locator) -> str:
    """The text a phone's camera reads from the QR code as the browser draws it (cropping included)."""
    import io

    import zxingcpp
    from PIL import Image

    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(locator.screenshot())))
    assert results, "the QR code as drawn on the page cannot be read"
    return results[0].text


def sign_in(page, email: str, password: str) -> None:
    page.goto(reverse("accounts:login"))
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def open_site_menu(page) -> None:
    """On a phone the header's links are behind one "Menu" disclosure: open it (nothing to do on a desktop)."""
    menu = page.locator("details.site-menu")
    toggle = menu.locator(":scope > summary")
    if toggle.is_visible() and menu.get_attribute("open") is None:
        toggle.click()


def nav_link(page, name: str, group: str | None = None):
    """A link of the header's menu (base.html), its group's dropdown opened first, and on a phone the Menu."""
    open_site_menu(page)
    nav = page.get_by_role("navigation", name="Navigation principale")
    if group:
        dropdown = nav.locator("details.nav-group").filter(
            has=page.locator(":scope > summary", has_text=re.compile(rf"^\s*{re.escape(group)}\b"))
        )
        if dropdown.get_attribute("open") is None:
            dropdown.locator(":scope > summary").click()
    return nav.get_by_role("link", name=name)


def sign_out(page) -> None:
    open_site_menu(page)
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def field(page, label: str):
    """The input labelled `label`, whether or not the label adds "(obligatoire)"."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}(\s*\(obligatoire\))?\s*$"))


def short_date(day: datetime.date) -> str:
    """A date as the French pages print it (SHORT_DATE_FORMAT)."""
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def french_aci(transactional_db):
    """A French ACI with its programme, a worksite with one supervisor, a counsellor and a director."""
    from tremplin.accounts.factories import MembershipFactory, UserFactory
    from tremplin.accounts.roles import Role
    from tremplin.programmes.factories import ProgrammeFactory
    from tremplin.programmes.rules import ProgrammeKind
    from tremplin.structures.factories import StructureFactory, WorksiteFactory
    from tremplin.structures.models import StructureKind

    structure = StructureFactory(name="ACI Les Jardins du Nord", kind=StructureKind.ACI)
    programme = ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI, name="Chantier d'insertion ACI")
    counsellor = UserFactory(email="claire.martin@example.org", first_name="Claire", last_name="Martin")
    MembershipFactory(user=counsellor, structure=structure, role=Role.COUNSELLOR)
    director = UserFactory(email="direction@example.org", first_name="Hélène", last_name="Durand")
    MembershipFactory(user=director, structure=structure, role=Role.DIRECTOR)
    supervisor = UserFactory(email="encadrant@example.org", first_name="Karim", last_name="Benali")
    MembershipFactory(user=supervisor, structure=structure, role=Role.SUPERVISOR)
    worksite = WorksiteFactory(structure=structure, name="Jardin de la Lys", activity="Maraîchage", capacity=14)
    worksite.supervisors.add(supervisor)
    return SimpleNamespace(
        structure=structure,
        programme=programme,
        counsellor=counsellor,
        director=director,
        supervisor=supervisor,
        worksite=worksite,
    )
