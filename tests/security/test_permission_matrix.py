"""The permission matrix: every URL of the project, every role, one expected answer.

URL patterns are discovered from the URL configuration, so a new view is
checked as soon as it exists: it must be declared in EXPECTED (the test
fails otherwise), and whatever is declared, an anonymous visitor and a
member of another structure are checked against it.
"""

import datetime
from importlib import import_module
from types import ModuleType

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.barriers.factories import BarrierFactory
from tremplin.consent.factories import ConsentFactory
from tremplin.contracts.factories import ContractFactory
from tremplin.documents.factories import DocumentFactory
from tremplin.documents.models import Visibility
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.rights.factories import ErasureRequestFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory
from tremplin.toolbox.factories import ToolboxEntryFactory
from tremplin.welcome.factories import WelcomeStepFactory, WelcomeStepTemplateFactory

from .access_rules import (
    CANNOT_SEE_THE_PERSON,
    CONTRACT_MANAGERS,
    MANAGERS,
    OTHER_SUPERVISOR,
    PEOPLE_EDITORS,
    PEOPLE_VIEWERS,
    POST_ONLY,
    PUBLIC,
    SIGNED_IN_REDIRECT,
    STAFF,
    Expect,
    allow,
)


def _contributions() -> dict[str, ModuleType]:
    """The apps' own `tests/matrix.py` modules, by namespace (see access_rules)."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("tremplin."):
            continue
        try:
            module = import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.matrix" and error.name != f"{config.name}.tests":
                raise
            continue
        found[config.label] = module
    return found


CONTRIBUTIONS = _contributions()

OUR_NAMESPACES = {
    "timeline",
    "programme_documents",
    "welcome",
    "professional_project",
    "barriers",
    "toolbox",
    "action_plan",
    "interviews",
    "observations",
    "audit",
    "consent",
    "retention",
    "rights",
    "documents",
    "dashboards",
    "accounts",
    "structures",
    "programmes",
    "people",
    "pathways",
    "eligibility",
    "contracts",
    "core",
}

EXPECTED: dict[str, Expect] = {
    "core:health": Expect(PUBLIC),
    # The design system's living page: every member (it shows no one's data).
    "dashboards:components": allow(STAFF, {OTHER_SUPERVISOR}),
    "dashboards:home": allow(STAFF, {OTHER_SUPERVISOR}),
    "dashboards:structure": allow({Role.DIRECTOR, Role.ADMIN, Role.CASE_MANAGER}),
    # Rights requests and retention: the roles that manage personal data.
    "dashboards:personal_data": allow({Role.DIRECTOR, Role.DPO}),
    # The header menu's figures (read after each page by htmx): every member, each for their own capabilities.
    "dashboards:menu_counts": allow(STAFF, {OTHER_SUPERVISOR}),
    "accounts:login": Expect(PUBLIC),
    "accounts:logout": Expect(POST_ONLY),
    "accounts:set_language": Expect(POST_ONLY),
    "accounts:password_reset": Expect(PUBLIC),
    "accounts:password_reset_done": Expect(PUBLIC),
    "accounts:password_reset_confirm": Expect(PUBLIC),
    "accounts:password_reset_complete": Expect(PUBLIC),
    "accounts:profile": allow(STAFF, {OTHER_SUPERVISOR}),
    "accounts:switch_structure": allow(STAFF, {OTHER_SUPERVISOR}),
    "accounts:members": allow(MANAGERS),
    "accounts:member_add": allow(MANAGERS),
    "accounts:member_edit": allow(MANAGERS),
    # Sign-in security pages are about the signed-in user only.
    "accounts:mfa": allow(STAFF, {OTHER_SUPERVISOR}),
    "accounts:mfa_enrol": allow(STAFF, {OTHER_SUPERVISOR}),
    # The second sign-in step: a user with no device has nothing to type and goes home.
    "accounts:mfa_verify": Expect(SIGNED_IN_REDIRECT),
    "structures:settings": allow(MANAGERS),
    "structures:worksites": allow(MANAGERS),
    "structures:worksite_create": allow(MANAGERS),
    "structures:worksite_edit": allow(MANAGERS),
    "programmes:list": allow(MANAGERS),
    "programmes:create": allow(MANAGERS),
    "programmes:edit": allow(MANAGERS),
    "people:list": allow(PEOPLE_VIEWERS, {OTHER_SUPERVISOR}),
    "people:create": allow(PEOPLE_EDITORS),
    "people:detail": allow(PEOPLE_VIEWERS),
    "people:edit": allow(PEOPLE_EDITORS),
    # Who changed what in the file: those who edit it, and the data protection officer.
    "people:history": allow(PEOPLE_EDITORS, {Role.DPO}),
    "pathways:open": allow(PEOPLE_EDITORS),
    "pathways:status": allow(PEOPLE_EDITORS),
    "pathways:team": allow(PEOPLE_EDITORS),
    # The person's header card (référent, next appointment, alerts): whoever sees the person.
    "dashboards:person_card": allow(PEOPLE_VIEWERS),
    "eligibility:create": allow(PEOPLE_EDITORS),
    # Eligibility criteria reveal benefits, disability, justice: only those who record them read them.
    "eligibility:detail": allow(PEOPLE_EDITORS),
    "contracts:create": allow(CONTRACT_MANAGERS),
    "contracts:detail": allow(CONTRACT_MANAGERS, {Role.JOB_COACH, Role.SUPERVISOR, Role.DPO}),
    "contracts:renew": allow(CONTRACT_MANAGERS),
    "contracts:suspend": allow(CONTRACT_MANAGERS),
    "contracts:end": allow(CONTRACT_MANAGERS),
    "contracts:cancel": allow(CONTRACT_MANAGERS),
    # The access log: director and data protection officer; verification is a POST.
    "audit:log": allow({Role.DIRECTOR, Role.DPO}),
    "audit:verify": Expect(POST_ONLY),
    # Information and consents: those who follow the person's file, and the data protection officer.
    "consent:person": allow(PEOPLE_EDITORS, {Role.DPO}),
    "consent:withdraw": Expect(POST_ONLY),
    "consent:notice": allow({Role.DIRECTOR, Role.DPO}),
    "retention:settings": allow({Role.DIRECTOR, Role.DPO}),
    "retention:plan": allow({Role.DIRECTOR, Role.DPO}),
    "retention:hold": allow({Role.DIRECTOR, Role.DPO}),
    "documents:upload": allow(PEOPLE_EDITORS),
    # The matrix's document is for the whole team; social-staff-only ones are tested in tremplin/documents.
    "documents:download": allow(PEOPLE_VIEWERS),
    "documents:delete": Expect(POST_ONLY),
    # Subject-access exports and erasure requests: the whole file at once, director and DPO only.
    "rights:person": allow({Role.DIRECTOR, Role.DPO}),
    "rights:export_json": allow({Role.DIRECTOR, Role.DPO}),
    "rights:export_pdf": allow({Role.DIRECTOR, Role.DPO}),
    "rights:erasure_request": Expect(POST_ONLY),
    "rights:erasure_decide": Expect(POST_ONLY),
    # Barriers: whoever sees the person reads the whole-team ones (social-staff-only ones are
    # tested in tremplin/barriers); those who edit the file record and change them.
    "barriers:list": allow(PEOPLE_VIEWERS),
    "barriers:review": allow(PEOPLE_VIEWERS),
    "barriers:edit": allow(PEOPLE_EDITORS),
    "barriers:rank": Expect(POST_ONLY),
    # The toolbox: whoever follows people reads it; those who write plans (and the management) add local
    # entries; turning an entry into an action is a POST.
    "toolbox:entries": allow(MANAGERS, PEOPLE_EDITORS, {Role.JOB_COACH, Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "toolbox:entry_create": allow(MANAGERS, PEOPLE_EDITORS),
    "toolbox:entry_edit": allow(MANAGERS, PEOPLE_EDITORS),
    "toolbox:to_action": Expect(POST_ONLY),
    # Worksite observations: supervisors write on their team, the social staff read and write everything.
    "observations:quick": allow(PEOPLE_EDITORS, {Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "observations:mine": allow(PEOPLE_EDITORS, {Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "observations:inbox": allow(PEOPLE_EDITORS),
    "observations:acknowledge": Expect(POST_ONLY),
    "observations:list": allow(PEOPLE_EDITORS, {Role.SUPERVISOR}),
    "observations:attendance": allow({Role.SUPERVISOR, OTHER_SUPERVISOR}),
    # Interviews: the social staff write; whoever sees the person reads the list (filtered by visibility).
    "interviews:list": allow(PEOPLE_VIEWERS),
    "interviews:create": allow(PEOPLE_EDITORS),
    "interviews:intake": allow(PEOPLE_EDITORS),
    "interviews:record_held": allow(PEOPLE_EDITORS),
    "interviews:record": allow(PEOPLE_EDITORS),
    "interviews:edit": allow(PEOPLE_EDITORS),
    # The action plan: the social staff write; whoever reads the whole team's records reads it;
    # a supervisor of the person's team is refused (403), any other gets 404.
    "action_plan:plan": allow(PEOPLE_VIEWERS - {Role.SUPERVISOR}),
    "action_plan:settings": allow(PEOPLE_EDITORS),
    "action_plan:objective_create": allow(PEOPLE_EDITORS),
    "action_plan:objective_edit": allow(PEOPLE_EDITORS),
    "action_plan:action_create": allow(PEOPLE_EDITORS),
    "action_plan:action_edit": allow(PEOPLE_EDITORS),
    "action_plan:action_move": Expect(POST_ONLY),
    "action_plan:review": allow(PEOPLE_EDITORS),
    "programme_documents:programme_pdf": allow(PEOPLE_EDITORS, {Role.DPO}),
    "programme_documents:exit_assessment_pdf": allow(PEOPLE_EDITORS, {Role.DPO}),
    # Welcome checklist: whoever sees the person reads it (the team's supervisor ticks the worksite steps,
    # tested in tremplin/welcome); the structure's list of steps is managed with the structure.
    "welcome:checklist": allow(PEOPLE_VIEWERS),
    "welcome:templates": allow(MANAGERS),
    "welcome:template_edit": allow(MANAGERS),
    "welcome:template_move": Expect(POST_ONLY),
    # Professional project: the social staff write; whoever reads all the files reads it (the job coach).
    "professional_project:list": allow(PEOPLE_VIEWERS - {Role.SUPERVISOR}),
    "professional_project:edit": allow(PEOPLE_EDITORS),
    "professional_project:delete": Expect(POST_ONLY),
    # The job referential, searched by whoever chooses a target job or an offer's job.
    "professional_project:job_search": allow(PEOPLE_EDITORS, {Role.JOB_COACH}),
    "professional_project:job_suggestions": allow(PEOPLE_EDITORS, {Role.JOB_COACH}),
    # The timeline: whoever sees the person, filtered by visibility (tested per kind in tremplin/timeline).
    "timeline:pathway": allow(PEOPLE_VIEWERS),
}


for _module in CONTRIBUTIONS.values():
    EXPECTED.update(_module.EXPECTED)
OUR_NAMESPACES |= {name.split(":")[0] for module in CONTRIBUTIONS.values() for name in module.EXPECTED}


def discover_url_names() -> dict[str, list[str]]:
    """Every named URL of our namespaces with the names of its arguments."""
    found: dict[str, list[str]] = {}

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in OUR_NAMESPACES:
                found[f"{namespace}:{pattern.name}"] = list(pattern.pattern.converters)

    walk(get_resolver().url_patterns, None)
    return found


URL_NAMES = discover_url_names()


def build_structure(kind_of_world: str) -> dict:
    structure = StructureFactory(name=f"Structure {kind_of_world}")
    users = {role: MembershipFactory(structure=structure, role=role).user for role in Role}
    users[OTHER_SUPERVISOR] = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    programme = ProgrammeFactory(structure=structure)
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(users[Role.SUPERVISOR])
    person = PersonFactory(structure=structure, phone="06 12 34 56 78")
    pathway = PathwayFactory(
        person=person,
        programme=programme,
        status=Status.IN_CONTRACT,
        referent=users[Role.COUNSELLOR],
        supervisor=users[Role.SUPERVISOR],
        worksite=worksite,
    )
    diagnosis = EligibilityDiagnosisFactory(
        pathway=pathway, made_on=datetime.date.today() - datetime.timedelta(days=40)
    )
    CriterionProofFactory(diagnosis=diagnosis, proof_date=diagnosis.made_on)
    contract = ContractFactory(pathway=pathway, worksite=worksite)
    director_membership = users[Role.DIRECTOR].memberships.get()
    plan = ActionPlanFactory(pathway=pathway)
    world = {
        "structure": structure,
        "users": users,
        "objects": {
            "people": person,
            "pathways": pathway,
            "eligibility": diagnosis,
            "contracts": contract,
            "programmes": programme,
            "structures": worksite,
            "accounts": director_membership,
            "consent": ConsentFactory(person=person),
            "documents": DocumentFactory(person=person, pathway=pathway, visibility=Visibility.WHOLE_TEAM),
            "rights": ErasureRequestFactory(person=person),
            "barriers": BarrierFactory(pathway=pathway),
            "toolbox": ToolboxEntryFactory(structure=structure),
            # Whole team: social-staff-only interviews are tested in tremplin/interviews (test_visibility).
            "interviews": InterviewFactory(pathway=pathway, visibility=Visibility.WHOLE_TEAM),
            "action_plan:objective_edit": ObjectiveFactory(plan=plan),
            "action_plan:action_edit": ActionFactory(plan=plan),
            "action_plan:action_move": ActionFactory(plan=plan),
            "dashboards:person_card": pathway,
            "welcome": WelcomeStepTemplateFactory(structure=structure),
            "welcome:checklist": WelcomeStepFactory(pathway=pathway),
            "professional_project": TargetJobFactory(pathway=pathway),
            "observations": ObservationFactory(
                pathway=pathway, author=users[Role.SUPERVISOR], needs_social_follow_up=True
            ),
        },
    }
    for module in CONTRIBUTIONS.values():
        world["objects"].update(module.build(world))
    return world


def url_for(name: str, world: dict) -> str:
    namespace = name.split(":")[0]
    kwargs = {}
    for arg in URL_NAMES[name]:
        objects = world["objects"]
        if arg == "public_id":
            # A namespace with several kinds of records names them per URL ("action_plan:action_edit").
            kwargs[arg] = objects.get(name, objects.get(namespace)).public_id
        elif arg == "person_id":
            kwargs[arg] = objects["people"].public_id
        elif arg == "pathway_id":
            kwargs[arg] = objects["pathways"].public_id
        elif arg in ("uidb64", "token") and namespace == "accounts":
            kwargs[arg] = {"uidb64": "MQ", "token": "set-password"}[arg]
        elif f"{name}.{arg}" in objects:
            value = objects[f"{name}.{arg}"]
            kwargs[arg] = getattr(value, "public_id", value)
        else:
            raise AssertionError(f"{name}: unknown URL argument {arg!r}; teach the permission matrix about it")
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def worlds(db):
    return build_structure("A"), build_structure("B")


def test_every_url_is_declared_in_the_matrix():
    undeclared = sorted(set(URL_NAMES) - set(EXPECTED))
    assert not undeclared, f"Declare the access rules of these new URLs in EXPECTED: {undeclared}"
    stale = sorted(set(EXPECTED) - set(URL_NAMES))
    assert not stale, f"These URLs no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anonymous_visitors_are_sent_to_sign_in(client, worlds, name):
    if name not in URL_NAMES:
        pytest.skip("reported by test_every_url_is_declared_in_the_matrix")
    world_a, _ = worlds
    response = client.get(url_for(name, world_a))
    expect = EXPECTED[name]
    if expect.allowed == PUBLIC:
        assert response.status_code in (200, 302)
    elif expect.allowed == POST_ONLY:
        assert response.status_code == 405
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_exactly_its_access(client, worlds, name):
    if name not in URL_NAMES:
        pytest.skip("reported by test_every_url_is_declared_in_the_matrix")
    world_a, _ = worlds
    expect = EXPECTED[name]
    url = url_for(name, world_a)
    failures = []
    for role, user in world_a["users"].items():
        client.force_login(user)
        status = client.get(url).status_code
        if expect.allowed == PUBLIC:
            wanted = {200, 302}
        elif expect.allowed == POST_ONLY:
            wanted = {405}
        elif expect.allowed == SIGNED_IN_REDIRECT:
            wanted = {302}
        elif role in expect.allowed:
            wanted = {200}
        elif role in CANNOT_SEE_THE_PERSON and namespace_is_personal(name):
            # Whoever may not see the person's file does not even learn that it exists.
            wanted = {404}
        else:
            wanted = {403}
        if status not in wanted:
            failures.append(f"{role}: got {status}, expected {sorted(wanted)}")
        client.logout()
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)


PERSONAL_URLS = {"consent:person", "consent:withdraw", "retention:hold", "dashboards:person_card"}
# Pages of a personal namespace that are about the structure, not a person.
STRUCTURE_URLS = {
    "welcome:templates",
    "welcome:template_edit",
    "welcome:template_move",
    "professional_project:job_search",
    "professional_project:job_suggestions",
}


def namespace_is_personal(name: str) -> bool:
    if name in PERSONAL_URLS:
        return True
    if name in STRUCTURE_URLS:
        return False
    for module in CONTRIBUTIONS.values():
        if name in module.EXPECTED:
            return module.PERSONAL and name not in getattr(module, "STRUCTURE_URLS", set())
    return name.split(":")[0] in {
        "people",
        "pathways",
        "eligibility",
        "contracts",
        "rights",
        "documents",
        "welcome",
        "professional_project",
        "barriers",
        "action_plan",
        "interviews",
        "observations",
        "timeline",
        "programme_documents",
    }


@pytest.mark.parametrize("name", sorted(n for n, args in URL_NAMES.items() if args and "uidb64" not in args))
def test_members_of_another_structure_get_404_on_every_record(client, worlds, name):
    """Whatever their role, a member of structure B never reaches a record of structure A."""
    world_a, world_b = worlds
    url = url_for(name, world_a)
    failures = []
    for role, user in world_b["users"].items():
        client.force_login(user)
        status = client.get(url).status_code
        if EXPECTED.get(name, Expect(frozenset())).allowed in (POST_ONLY, PUBLIC):
            continue  # POST-only pages answer 405; public ones (a badge's verification page) answer anyone
        if status != 404:
            failures.append(f"{role} of structure B: got {status}")
        client.logout()
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if isinstance(e.allowed, frozenset)))
def test_refused_roles_cannot_post_either(client, worlds, name):
    """A refused role is refused on POST too: a form hidden from the page is not a protection."""
    if name not in URL_NAMES:
        pytest.skip("reported by test_every_url_is_declared_in_the_matrix")
    world_a, world_b = worlds
    url = url_for(name, world_a)
    expect = EXPECTED[name]
    failures = []
    visitors = [(role, user) for role, user in world_a["users"].items() if role not in expect.allowed]
    if URL_NAMES[name]:
        visitors += [(f"{role} of B", user) for role, user in world_b["users"].items()]
    for role, user in visitors:
        client.force_login(user)
        status = client.post(url, {}).status_code
        if status not in (403, 404, 405):
            failures.append(f"{role}: POST got {status}")
        client.logout()
    assert not failures, f"{name} ({url}):\n" + "\n".join(failures)
