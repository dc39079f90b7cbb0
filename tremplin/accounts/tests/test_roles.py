"""What each role may do, read from the one table: the capabilities views check instead of role names."""

import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Capability, Home, Role, role_can
from tremplin.core.visibility import Visibility

STAFF = [role for role in Role if role != Role.PARTNER]


@pytest.mark.parametrize("role", list(Role))
def test_the_social_staff_and_the_dpo_alone_read_what_is_kept_for_the_social_staff(role):
    """Decision 0008: those who edit people's files and the data protection officer; no one else."""
    membership = MembershipFactory.build(role=role)
    social = role in (Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.DPO)
    assert (Visibility.SOCIAL_STAFF_ONLY in membership.readable_levels) is social
    assert {Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS} <= membership.readable_levels


def test_a_membership_that_ended_reads_only_the_team_levels():
    membership = MembershipFactory.build(role=Role.COUNSELLOR, is_active=False)
    assert Visibility.SOCIAL_STAFF_ONLY not in membership.readable_levels


@pytest.mark.parametrize("role", list(Role))
def test_only_the_direction_sets_the_sign_in_policy_and_names_the_direction(role):
    assert role_can(role, Capability.SET_SIGN_IN_POLICY) is (role == Role.DIRECTOR)
    assert role_can(role, Capability.APPOINT_DIRECTION) is (role == Role.DIRECTOR)


@pytest.mark.parametrize("role", list(Role))
def test_only_the_direction_takes_over_people_from_a_spreadsheet(role):
    assert role_can(role, Capability.IMPORT_PEOPLE) is (role == Role.DIRECTOR)


@pytest.mark.parametrize("role", list(Role))
def test_the_team_sees_meetings_and_workshops_and_partners_see_their_portal_only(role):
    assert role_can(role, Capability.VIEW_TEAM_CALENDAR) is (role in STAFF)
    assert role_can(role, Capability.USE_PARTNER_PORTAL) is (role == Role.PARTNER)


def test_every_role_lands_on_a_first_screen():
    homes = {role: MembershipFactory.build(role=role).home for role in Role}
    assert homes[Role.COUNSELLOR] == homes[Role.CASE_MANAGER] == Home.CASELOAD
    assert homes[Role.SUPERVISOR] == Home.TEAM
    assert homes[Role.DIRECTOR] == homes[Role.ADMIN] == Home.STRUCTURE
    assert homes[Role.JOB_COACH] == Home.IN_CONTRACT
    assert homes[Role.DPO] == Home.PERSONAL_DATA
    assert homes[Role.PARTNER] == Home.PARTNER
