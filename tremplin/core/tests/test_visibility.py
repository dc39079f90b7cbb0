"""The one visibility filter: a membership reads its levels, a partner's page passes the partners' level."""

import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import Barrier
from tremplin.core.visibility import PARTNER_LEVELS, TEAM_LEVELS, Visibility, visibilities_for
from tremplin.pathways.factories import PathwayFactory


@pytest.fixture
def barriers():
    pathway = PathwayFactory()
    return pathway, {
        level: BarrierFactory(pathway=pathway, visibility=level, description=f"frein {level}") for level in Visibility
    }


def _descriptions(queryset) -> set[str]:
    return set(queryset.values_list("description", flat=True))


@pytest.mark.django_db
def test_a_job_coach_does_not_get_what_is_kept_for_the_social_staff(barriers):
    pathway, _ = barriers
    coach = MembershipFactory(structure=pathway.structure, role=Role.JOB_COACH)
    counsellor = MembershipFactory(structure=pathway.structure, role=Role.COUNSELLOR)
    assert _descriptions(Barrier.objects.filter(pathway=pathway).visible_to(coach)) == {
        "frein whole_team",
        "frein shareable_with_partners",
    }
    assert len(pathway.barriers.visible_to(counsellor)) == 3


@pytest.mark.django_db
def test_a_partner_page_passes_the_partners_level(barriers):
    pathway, _ = barriers
    assert _descriptions(pathway.barriers.visible_to(PARTNER_LEVELS)) == {"frein shareable_with_partners"}
    assert len(pathway.barriers.visible_to(TEAM_LEVELS)) == 2


def test_levels_given_as_levels_are_taken_as_they_are():
    assert visibilities_for([Visibility.WHOLE_TEAM]) == {Visibility.WHOLE_TEAM}
    assert visibilities_for(MembershipFactory.build(role=Role.SUPERVISOR)) == TEAM_LEVELS
