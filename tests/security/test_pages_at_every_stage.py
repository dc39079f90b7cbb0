"""Smoke test: every page about a person or their pathway opens for people at every stage of the pathway.

The permission matrix checks who may open each page, on one person in contract. Pages also branch on where
the pathway stands (no contract yet, a suspended or ended one, an exit, a follow-up, a closed file), and a
crash there reached production once (the CV of everyone whose contract had ended). Here one demo structure
is built through the real services with one person per stage of the demo's stories, and every URL that
takes a person or a pathway, found by the matrix's own discovery, is opened for each of them by a role the
matrix allows. A new page is covered as soon as it is declared in the matrix.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import resolve, reverse

from tests.security.access_rules import POST_ONLY, PUBLIC, SIGNED_IN_REDIRECT
from tests.security.helpers import EXPECTED, URL_NAMES
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract
from tremplin.demo import builder
from tremplin.pathways.models import Pathway

# URL arguments naming the person or their pathway; "public_id" does so in these namespaces only.
PERSON_ARGUMENTS = {"person_id": "person", "pathway_id": "pathway"}
PUBLIC_ID_OF = {"people": "person", "pathways": "pathway", "contracts": "contract"}


def person_pages() -> dict[str, dict[str, str]]:
    """URL name -> {argument: "person" | "pathway" | "contract"} for every URL about one person."""
    found = {}
    for name, arguments in URL_NAMES.items():
        namespace = name.split(":")[0]
        kinds = {}
        for argument in arguments:
            if argument in PERSON_ARGUMENTS:
                kinds[argument] = PERSON_ARGUMENTS[argument]
            elif argument == "public_id" and namespace in PUBLIC_ID_OF:
                kinds[argument] = PUBLIC_ID_OF[namespace]
            else:
                break
        else:
            if kinds:
                found[name] = kinds
    return found


PAGES = person_pages()


def one_story_per_stage(plan: builder.StructurePlan) -> builder.StructurePlan:
    """The plan with the first story of each (stage, contract variant): every stage, once."""
    seen, stories = set(), []
    for story in plan.stories:
        if (story.stage, story.variant) not in seen:
            seen.add((story.stage, story.variant))
            stories.append(story)
    return dataclasses.replace(plan, stories=tuple(stories))


# Pages that send some people on, as their view documents: the URL name they may redirect to.
DOCUMENTED_REDIRECTS = {
    # An exit already recorded is shown rather than recorded twice (exits.views.record).
    "exits:record": "exits:detail",
}


@pytest.fixture
def demo(db):
    # The French ACI's stories go through every stage and every contract variant.
    plan = next(plan for plan in builder.PLANS if plan.slug == "aci")
    result = builder.build_demo(plans=(one_story_per_stage(plan),))
    return result.structures[0]


@pytest.fixture
def quick_pdf_layout(monkeypatch):
    """PDF pages still gather their data and render their template; only WeasyPrint's page layout, which
    takes most of a second per document and does not depend on the pathway's stage, is skipped here
    (each app's own tests print its PDFs for real, the CV's at every stage)."""
    import weasyprint

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: b"%PDF-1.7 smoke test")


def _user_for(structure, expect) -> tuple[str, object]:
    """The director when the matrix lets them in, otherwise the first role it allows."""
    roles = expect.allowed
    role = Role.DIRECTOR if expect.allowed == POST_ONLY or Role.DIRECTOR in roles else sorted(roles)[0]
    membership = Membership.objects.filter(structure=structure, role=role).select_related("user").first()
    assert membership is not None, f"the demo structure has no {role}"
    return role, membership.user


def _shared_with(user, structure) -> set[int]:
    from tremplin.partner_portal.services import account_for, shared_pathways

    account = account_for(user.memberships.get(structure=structure))
    return {share.pathway_id for share in shared_pathways(account)}


def _arguments(kinds: dict[str, str], pathway) -> dict | None:
    """The URL's arguments for this pathway, or None when it has no such record (no contract yet)."""
    contract = Contract.objects.filter(pathway=pathway).order_by("-start_date", "-pk").first()
    values = {"person": pathway.person, "pathway": pathway, "contract": contract}
    if any(values[kind] is None for kind in kinds.values()):
        return None
    return {argument: values[kind].public_id for argument, kind in kinds.items()}


def _answer(client, name: str, url: str, wanted: set[int]) -> str | None:
    """What is wrong with the answer to GET url, or None."""
    response = client.get(url)
    if response.status_code == 302 and name in DOCUMENTED_REDIRECTS:
        target = resolve(urlsplit(response.url).path)
        if target.view_name != DOCUMENTED_REDIRECTS[name]:
            return f"redirected to {target.view_name}, documented: {DOCUMENTED_REDIRECTS[name]}"
        return _answer(client, target.view_name, response.url, {200})
    if response.status_code not in wanted:
        return f"got {response.status_code}, expected {sorted(wanted)}"
    return None


def test_every_page_about_a_person_opens_at_every_stage(demo, quick_pdf_layout):
    # A server error is reported with the others (its traceback is in the captured log), not raised at the first.
    client = Client(raise_request_exception=False)
    pathways = list(Pathway.objects.filter(structure=demo).select_related("person").order_by("pk"))
    stages = {(story.stage, story.variant) for story in next(p for p in builder.PLANS if p.slug == "aci").stories}
    assert len(pathways) == len(stages)
    assert len(PAGES) >= 16, sorted(PAGES)  # the programme's sub-navigation alone has sixteen links
    failures = []
    for name in sorted(PAGES):
        expect = EXPECTED[name]
        if expect.allowed in (PUBLIC, SIGNED_IN_REDIRECT):
            continue
        role, user = _user_for(demo, expect)
        shared = _shared_with(user, demo) if role == Role.PARTNER else set()
        client.force_login(user)
        for pathway in pathways:
            kwargs = _arguments(PAGES[name], pathway)
            if kwargs is None:
                continue
            if expect.allowed == POST_ONLY:
                wanted = {405}
            elif role == Role.PARTNER:
                # Partners get the pathways shared with them; any other answers 404 (partner_portal.views).
                wanted = {200} if pathway.pk in shared else {404}
            else:
                wanted = {200}
            url = reverse(name, kwargs=kwargs)
            problem = _answer(client, name, url, wanted)
            if problem:
                failures.append(f"{name} as {role}, pathway {pathway.status} ({url}): {problem}")
        client.logout()
    assert not failures, "\n".join(failures)
