"""A structure with one member per role, a person in the supervisor's team and one outside it, and their files
at both visibility levels; `call(token, method, url, data)` calls the API with a token."""

import datetime
import json

import pytest
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.api.factories import ApiTokenFactory
from tremplin.barriers.factories import BarrierFactory
from tremplin.core.visibility import Visibility
from tremplin.interviews.factories import InterviewFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory


@pytest.fixture
def world(db):
    structure = StructureFactory(name="Structure A")
    members = {role: MembershipFactory(structure=structure, role=role) for role in Role}
    supervisor = members[Role.SUPERVISOR].user
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(supervisor)
    person = PersonFactory(structure=structure, last_name="Diallo", first_name="Awa")
    pathway = PathwayFactory(
        person=person,
        status=Status.IN_CONTRACT,
        referent=members[Role.COUNSELLOR].user,
        supervisor=supervisor,
        worksite=worksite,
    )
    outsider = PersonFactory(structure=structure, last_name="Martin", first_name="Hugo")
    outsider_pathway = PathwayFactory(
        person=outsider, programme=pathway.programme, referent=members[Role.COUNSELLOR].user
    )
    social = InterviewFactory(pathway=pathway, visibility=Visibility.SOCIAL_STAFF_ONLY, notes="Suivi santé")
    team = InterviewFactory(pathway=pathway, visibility=Visibility.WHOLE_TEAM, kind="tripartite", third_party="FT")
    plan = ActionPlanFactory(pathway=pathway)
    objective = ObjectiveFactory(plan=plan, text="Trouver un logement")
    action = ActionFactory(plan=plan, objective=objective)
    justice = BarrierFactory(pathway=pathway, visibility=Visibility.SOCIAL_STAFF_ONLY)
    hidden_objective = ObjectiveFactory(plan=plan, text="Préparer l'audience", barriers=[justice])
    return {
        "structure": structure,
        "members": members,
        "person": person,
        "pathway": pathway,
        "outsider": outsider,
        "outsider_pathway": outsider_pathway,
        "interviews": {"social": social, "team": team},
        "plan": plan,
        "objective": objective,
        "action": action,
        "hidden_objective": hidden_objective,
    }


@pytest.fixture
def token_for(world):
    def make(role=Role.COUNSELLOR, scopes=None, **kwargs):
        if scopes is not None:
            kwargs["scopes"] = list(scopes)
        return ApiTokenFactory(membership=world["members"][role], **kwargs)

    return make


@pytest.fixture
def call(client):
    def do(token, method: str, url: str, data=None, **headers):
        if token is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {getattr(token, 'key', token)}"
        kwargs = {}
        if data is not None:
            kwargs = {"data": json.dumps(data, default=str), "content_type": "application/json"}
        return getattr(client, method.lower())(url, **kwargs, **headers)

    return do


def in_a_week() -> str:
    return (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0).isoformat()
