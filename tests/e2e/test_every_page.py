"""Every main page of every role, on a 390-px phone and a 1366-px screen: no sideways scrolling, no serious
or critical axe-core violation (WCAG 2.2 AA), and a full-page screenshot of each for review.

The pages come from the permission matrix (tests/security): every URL it declares, built with the records
of its world, is a page of the role that uses it daily (`DAILY_ROLE`) or else of the first role of
`ROLE_ORDER` the matrix lets in; pages that change with the role (`EVERY_ROLE`) are opened by each of them.
A new page declared in the matrix is held here without anyone remembering. Exports are not pages: a URL
answering something other than HTML must be named in `NOT_PAGES`. The phone is swept in every language
shipped, the 1366-px screen in French and without the forms (see `FORM`).

One world, one browser and one server per test module (and per xdist worker); each role is signed in once
(a session cookie) and has one browser context per size and language. Screenshots (French) go to
`$TREMPLIN_SCREENSHOTS/<size>-fr/<role>-<url name>.png` (default `test-screenshots/` in the repository,
git-ignored). A failure names each page with its width and the elements sticking out, or the axe rule.
"""

from __future__ import annotations

import datetime
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.e2e.conftest import AXE_PATH, CHROMIUM_ARGS, chromium_path
from tests.security.access_rules import OTHER_SUPERVISOR, POST_ONLY, PUBLIC, SIGNED_IN_REDIRECT
from tremplin.accounts.models import User
from tremplin.accounts.roles import Role

pytestmark = [pytest.mark.e2e]

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
# Pages for a person without an account, shown in the language of the person's file (their messages' language),
# whatever the visitor's browser says: they are swept for fit and axe-core, not for the sweep's language.
IN_THE_PERSONS_LANGUAGE = {"messaging:decline"}

# Every language shipped on the phone, where words wrap and overflow; the default language on the screen.
SWEEPS = [("phone", "fr"), ("phone", "en"), ("desktop", "fr")]

ANONYMOUS = "anonymous"
# Who opens a page that several roles may open: the first of these the matrix lets in. Spread across
# roles so that each opens the pages of its daily work (the job coach the offers, the DPO the retention).
ROLE_ORDER = [
    Role.COUNSELLOR,
    Role.JOB_COACH,
    Role.SUPERVISOR,
    Role.DPO,
    Role.PARTNER,
    Role.DIRECTOR,
    Role.ADMIN,
    Role.CASE_MANAGER,
]
# Pages of a namespace that a role uses daily, when the matrix lets that role in.
DAILY_ROLE = {
    "employers": Role.JOB_COACH,
    "job_offers": Role.JOB_COACH,
    "matching": Role.JOB_COACH,
    "applications": Role.JOB_COACH,
    "immersions": Role.JOB_COACH,
    "cv": Role.JOB_COACH,
    "review_meetings": Role.CASE_MANAGER,
    "orientations": Role.CASE_MANAGER,
    "exits": Role.CASE_MANAGER,
    "handover": Role.CASE_MANAGER,
    "workshops": Role.CASE_MANAGER,
    "partners": Role.CASE_MANAGER,
}
ROLES = [*ROLE_ORDER, ANONYMOUS]
# Pages whose content depends on who looks at them: opened by every role the matrix lets in.
EVERY_ROLE = {"dashboards:home", "people:list", "people:detail"}
# Forms (one renderer for all, tremplin/core) are opened on the phone, where they may overflow, in every
# language; on the 1366-px screen they hold no more findings than on the phone, only time.
FORM = re.compile(r"(^|_)(create|edit|add)$")
# Not pages: files, machine-readable answers, and URLs that only send the visitor on.
NOT_PAGES = {
    "core:health",
    # Fragments loaded by htmx into a page, which is swept with them in place.
    "dashboards:menu_counts",
    "dashboards:person_card",
    "notifications:digest",
    "professional_project:job_suggestions",
    "indicators:progress",
    "accounts:mfa_verify",
    "accounts:switch_structure",
    "badges:award_json",
    "badges:award_png",
    "badges:award_svg",
    "badges:did_document",
    "calendars:feed",
    "cv:json",
    "cv:pdf",
    "documents:download",
    "immersions:agreement_pdf",
    "indicators:report_csv",
    "indicators:report_pdf",
    "indicators:report_xlsx",
    "job_offers:import_sample",
    "onboarding:template_csv",
    "onboarding:template_xlsx",
    "programme_documents:exit_assessment_pdf",
    "programme_documents:programme_pdf",
    "review_meetings:minutes_pdf",
    "rights:export_json",
    "rights:export_pdf",
    "exports:people",
    "exports:caseload",
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# The elements that stick out of the viewport without a scrolling ancestor to hold them, deepest first:
# the culprits of a sideways scroll, named so that the failure says what to fix.
WIDEST_ELEMENTS_JS = """
(width) => {
  // Clipped by a scrolling ancestor that contains it; an absolutely placed element (a visually-hidden
  // label) escapes the scrolling boxes between itself and its positioned ancestor.
  const held = (el) => {
    const position = getComputedStyle(el).position;
    if (position === 'fixed') return false;
    let a = position === 'absolute' ? el.offsetParent : el.parentElement;
    for (; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    return s;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(' > ');
  };
  const out = [...document.body.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && !held(el);
  });
  const deepest = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
  return deepest
    .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
    .slice(0, 3)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return `${path(el)} «${text}» (right edge ${Math.round(r.right)} px)`;
    });
}
"""


@dataclass
class Sweep:
    """The world of the sweep: its server, its pages per role, and each role's session cookie."""

    url: str
    pages: dict[str, list[tuple[str, str]]]
    cookies: dict[str, str]
    users: dict[str, int]


def main_pages(world: dict) -> dict[str, list[tuple[str, str]]]:
    """role -> [(url name, path)], from the permission matrix."""
    from tests.security.helpers import EXPECTED, URL_NAMES, url_for

    pages: dict[str, list[tuple[str, str]]] = {role: [] for role in ROLES}
    for name in sorted(URL_NAMES):
        if name in NOT_PAGES:
            continue
        allowed = EXPECTED[name].allowed
        if allowed in (POST_ONLY, SIGNED_IN_REDIRECT):
            continue
        path = url_for(name, world)
        if allowed == PUBLIC:
            pages[ANONYMOUS].append((name, path))
            continue
        if name in EVERY_ROLE:
            roles = [role for role in ROLE_ORDER if role in allowed]
        elif DAILY_ROLE.get(name.split(":")[0]) in allowed:
            roles = [DAILY_ROLE[name.split(":")[0]]]
        else:
            roles = [next(role for role in ROLE_ORDER if role in allowed)]
        for role in roles:
            pages[role].append((name, path))
    return pages


# A caseload as a counsellor has one: long and accented names, every stage of the pathway.
CASELOAD = [
    ("Marie-Christine", "de La Tour-Dubois-Vandenberghe", "in_contract"),
    ("Inès", "Garcia", "in_contract"),
    ("Awa", "Traoré", "eligible"),
    ("Jean-Baptiste", "N'Guessan-Lefebvre", "candidate"),
    ("Éloïse", "Ørsted", "in_contract"),
    ("Mohamed-Amine", "Benali", "exited"),
    ("Zoé", "Lemaire", "follow_up"),
]


def build_world() -> dict:
    """The permission matrix's world, given a caseload and the demo's programme so that pages hold data."""
    from tests.security.helpers import build_structure
    from tremplin.contracts.factories import ContractFactory
    from tremplin.demo import builder
    from tremplin.demo.programme import populate
    from tremplin.pathways.factories import PathwayFactory
    from tremplin.people.factories import PersonFactory

    world = build_structure("Ateliers et Chantiers d'Insertion de la Métropole Lilloise")
    structure, users = world["structure"], world["users"]
    for index, user in enumerate(users.values()):
        user.first_name, user.last_name = ["Claire-Marie", "Karim", "Hélène", "Jean-François"][index % 4], "Martin"
        user.save(update_fields=["first_name", "last_name"])
    programme, worksite = world["objects"]["programmes"], world["objects"]["pathways"].worksite
    today = datetime.date.today()
    for index, (first_name, last_name, status) in enumerate(CASELOAD):
        person = PersonFactory(structure=structure, first_name=first_name, last_name=last_name)
        in_contract = status == "in_contract"
        pathway = PathwayFactory(
            person=person,
            programme=programme,
            status=status,
            referent=users[Role.COUNSELLOR],
            supervisor=users[Role.SUPERVISOR] if in_contract else None,
            worksite=worksite if in_contract else None,
        )
        if in_contract:
            start = today - datetime.timedelta(days=60 + 40 * index)
            ContractFactory(
                pathway=pathway, worksite=worksite, start_date=start, planned_end_date=today + datetime.timedelta(20)
            )
    result = builder.DemoResult(structures=[structure])
    rng = random.Random(2026)
    populate(result, rng=rng, today=today)
    for step in builder.app_demo_steps():
        if step.__module__ != "tremplin.badges.demo":  # the matrix's world already made the structure an issuer
            step(result, rng=rng, today=today)
    return world


def session_cookie(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def sweep(django_db_setup, django_db_blocker):
    """One world and one live server for the module; the database is emptied afterwards."""
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        world = build_world()
        users = world["users"]
        cookies = {role: session_cookie(users[role]) for role in ROLE_ORDER}
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield Sweep(
                url=server.url,
                pages=main_pages(world),
                cookies=cookies,
                users={role: users[role].pk for role in ROLE_ORDER},
            )
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def db(django_db_blocker):
    """The database of the module's world, open while a test runs (for the live server too).

    Overrides pytest-django's `db`, which would wrap each test in a transaction or empty the database after
    it; the name still tells pytest-django to set the test database up.
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def screenshots_folder() -> Path:
    return Path(os.environ.get("TREMPLIN_SCREENSHOTS") or Path(settings.BASE_DIR) / "test-screenshots")


def problems_of(page, width: int) -> list[str]:
    """What is wrong with the page as displayed: sideways scrolling, serious or critical axe violations."""
    found = []
    assert page.evaluate("() => typeof axe") == "object", "axe-core was not loaded in the page"
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll_width > width:
        culprits = page.evaluate(WIDEST_ELEMENTS_JS, width)
        found.append(f"{scroll_width} px wide on a {width}-px screen; sticking out: " + "; ".join(culprits))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("size,language", SWEEPS, ids=[f"{size}-{language}" for size, language in SWEEPS])
def test_every_main_page_fits_the_screen_and_passes_axe(sweep, db, browser, role, size, language):
    if not AXE_PATH.exists():
        pytest.fail("axe-core is not installed: run `npm install` (make test does it).")
    pages = sweep.pages[role]
    if not pages:
        pytest.skip(f"the matrix gives {role} no page of their own")
    viewport = SIZES[size]
    context = browser.new_context(
        base_url=sweep.url,
        locale="fr-FR" if language == "fr" else "en-GB",
        viewport=viewport,
        is_mobile=size == "phone",
        has_touch=size == "phone",
    )
    context.set_default_timeout(15_000)
    # axe-core in every page of the context, through the DevTools protocol (the pages' CSP forbids inline scripts).
    context.add_init_script(path=str(AXE_PATH))
    host = sweep.url.split("//")[1].split(":")[0]
    if role in sweep.cookies:
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": sweep.cookies[role], "domain": host, "path": "/"}]
        )
    # The interface language: a visitor's cookie, a signed-in user's account.
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "domain": host, "path": "/"}])
    if role in sweep.users:
        User.objects.filter(pk=sweep.users[role]).update(language=language)
    if size == "desktop":
        pages = [(name, path) for name, path in pages if not FORM.search(name.split(":")[1])]
    # Screenshots for review in the default language; the English sweep checks the same pages, faster.
    folder = screenshots_folder() / f"{size}-{language}" if language == settings.LANGUAGE_CODE else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    failures = []
    try:
        for name, path in pages:
            response = page.goto(path)
            if response is None or response.status != 200:
                failures.append(f"{name} ({path}): answered {response.status if response else 'nothing'}")
                continue
            if "text/html" not in response.headers.get("content-type", ""):
                failures.append(f"{name} ({path}) is not a page: add it to NOT_PAGES")
                continue
            lang = page.evaluate("() => document.documentElement.lang")
            if lang != language and name not in IN_THE_PERSONS_LANGUAGE:
                failures.append(f"{name} ({path}): shown in {lang!r}, not {language!r}")
            failures += [f"{name} ({path}): {problem}" for problem in problems_of(page, viewport["width"])]
            if folder:
                page.screenshot(path=str(folder / f"{role}-{name.replace(':', '-')}.png"), full_page=True)
    finally:
        context.close()
    assert not failures, f"{len(failures)} problems as {role}, {size}, {language}:\n" + "\n".join(failures)


def test_the_sweep_covers_every_role_and_the_daily_pages(sweep, db):
    """The discovery gives each role its pages: a change in the matrix that empties a role is noticed."""
    pages = {role: {name for name, _ in pages} for role, pages in sweep.pages.items()}
    assert {"dashboards:home", "people:list", "people:detail", "welcome:checklist"} <= pages[Role.COUNSELLOR]
    assert {"matching:person", "job_offers:list", "cv:edit"} <= pages[Role.JOB_COACH]
    assert "observations:attendance" in pages[Role.SUPERVISOR]
    assert "retention:plan" in pages[Role.DPO]
    assert "partner_portal:home" in pages[Role.PARTNER]
    assert {"accounts:login", "competences:self_evaluation"} <= pages[ANONYMOUS]
    assert all(pages[role] for role in ROLES), {role for role in ROLES if not pages[role]}
    assert OTHER_SUPERVISOR not in sweep.pages
    assert reverse("accounts:login") in {path for _, path in sweep.pages[ANONYMOUS]}
