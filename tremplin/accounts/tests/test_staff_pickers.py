"""Every staff picker offers the members who may hold the responsibility, by capability (roles.Responsibility):
never the data protection officer, the administration or a partner."""

import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.models import User
from tremplin.accounts.roles import Responsibility, Role
from tremplin.action_plan.forms import ActionForm
from tremplin.core.visibility import Visibility
from tremplin.dashboards.forms import WorksiteForm
from tremplin.handover.forms import HandoverForm, SourceForm
from tremplin.interviews.forms import PlanForm as InterviewPlanForm
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.forms import PathwayOpenForm, TeamForm
from tremplin.people.factories import PersonFactory
from tremplin.review_meetings.forms import DecisionForm, MeetingForm
from tremplin.structures.factories import StructureFactory
from tremplin.workshops.forms import WorkshopForm

pytestmark = pytest.mark.django_db

NEVER = (Role.DPO, Role.ADMIN, Role.PARTNER)


@pytest.fixture
def staff(structure):
    """One active member per role in `structure`, by role."""
    return {role: MembershipFactory(structure=structure, role=role).user for role in Role}


@pytest.fixture
def pathway(structure):
    return PathwayFactory(person=PersonFactory(structure=structure))


def referent_of_opening(structure, pathway, user):
    return PathwayOpenForm(person=pathway.person, user=user).fields["referent"].queryset


# (picker, roles it must offer): each builds the form as its view does and returns the field's choices.
PICKERS = {
    "pathway opening: référent·e": (referent_of_opening, {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR}),
    "pathway team: référent·e": (
        lambda structure, pathway, user: TeamForm(instance=pathway).fields["referent"].queryset,
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR},
    ),
    "pathway team: supervisor": (
        lambda structure, pathway, user: TeamForm(instance=pathway).fields["supervisor"].queryset,
        {Role.SUPERVISOR},
    ),
    "worksite: supervisors": (
        lambda structure, pathway, user: WorksiteForm(structure=structure).fields["supervisors"].queryset,
        {Role.SUPERVISOR},
    ),
    "action plan: action owner": (
        lambda structure, pathway, user: (
            ActionForm(pathway=pathway, readable=set(Visibility)).fields["owner_user"].queryset
        ),
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.JOB_COACH, Role.SUPERVISOR},
    ),
    "interview: led by": (
        lambda structure, pathway, user: InterviewPlanForm(structure=structure).fields["led_by"].queryset,
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.JOB_COACH, Role.SUPERVISOR},
    ),
    "review meeting: participants": (
        lambda structure, pathway, user: MeetingForm(structure=structure).fields["participants"].queryset,
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.JOB_COACH, Role.SUPERVISOR},
    ),
    "review meeting: decision owner": (
        lambda structure, pathway, user: DecisionForm(structure=structure).fields["owner_user"].queryset,
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.JOB_COACH, Role.SUPERVISOR},
    ),
    "workshop: facilitator": (
        lambda structure, pathway, user: WorkshopForm(structure=structure).fields["facilitator_user"].queryset,
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR, Role.JOB_COACH, Role.SUPERVISOR},
    ),
    "handover: new référent·e": (
        lambda structure, pathway, user: (
            HandoverForm(structure=structure, kind="referent").fields["to_referent"].queryset
        ),
        {Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR},
    ),
    "handover: new supervisor": (
        lambda structure, pathway, user: (
            HandoverForm(structure=structure, kind="worksite").fields["to_supervisor"].queryset
        ),
        {Role.SUPERVISOR},
    ),
}


@pytest.mark.parametrize("name", PICKERS)
def test_each_picker_offers_the_staff_who_may_hold_the_responsibility_and_nobody_else(name, structure, staff, pathway):
    picker, offered = PICKERS[name]
    choices = set(picker(structure, pathway, staff[Role.COUNSELLOR]))
    assert choices == {staff[role] for role in offered}
    assert not choices & {staff[role] for role in NEVER}


def test_a_role_held_in_another_structure_neither_grants_nor_removes_a_responsibility(structure):
    counsellor_here = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    MembershipFactory(user=counsellor_here, structure=StructureFactory(), role=Role.PARTNER)
    dpo_here = MembershipFactory(structure=structure, role=Role.DPO).user
    MembershipFactory(user=dpo_here, structure=StructureFactory(), role=Role.COUNSELLOR)
    assert list(User.objects.holding(Responsibility.SUPPORT, structure)) == [counsellor_here]
    assert list(User.objects.holding(Responsibility.REFERENT, structure)) == [counsellor_here]


def test_departed_members_and_closed_accounts_are_not_offered(structure):
    MembershipFactory(structure=structure, role=Role.COUNSELLOR, is_active=False)
    closed = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    closed.is_active = False
    closed.save()
    assert not User.objects.holding(Responsibility.REFERENT, structure).exists()


def test_the_handover_source_lists_only_those_who_follow_people(structure, staff):
    labels = str(SourceForm(structure=structure).fields["source"].choices)
    for role in (Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR):
        assert str(staff[role]) in labels
    for role in NEVER:
        assert str(staff[role]) not in labels
