"""A barrier kept for the social staff never reaches a reader who may not read it.

Every role allowed to print (editors, the DPO) reads every level, so the
filter is tested on the context with a supervisor's membership, as the
views would build it if a lesser role were ever allowed.
"""

from tremplin.accounts.models import Membership
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.programme_documents.services import programme_context, readable_barriers

from .conftest import SOCIAL_ONLY_TEXT, TEAM_TEXT


def test_readable_barriers_leave_out_social_staff_only_ones_for_a_supervisor(programme_pathway):
    supervisor = Membership.objects.get(user=programme_pathway.team_supervisor)
    barriers = readable_barriers(programme_pathway, visibilities_for(supervisor))
    assert [b.description for b in barriers] == [TEAM_TEXT]


def test_the_programme_context_leaves_them_out_too_and_keeps_them_for_the_counsellor(programme_pathway):
    supervisor = Membership.objects.get(user=programme_pathway.team_supervisor)
    counsellor = Membership.objects.get(user=programme_pathway.counsellor)
    assert SOCIAL_ONLY_TEXT not in {b.description for b in programme_context(programme_pathway, supervisor)["barriers"]}
    assert SOCIAL_ONLY_TEXT in {b.description for b in programme_context(programme_pathway, counsellor)["barriers"]}


def test_an_objective_on_a_barrier_the_reader_may_not_see_is_left_out_of_the_print(programme_pathway):
    """The objective takes its barriers' most restrictive level (decisions 0008, 0013): adding a social-only
    barrier to it takes it out of the supervisor's print; the counsellor's lists both its barriers."""
    hidden = programme_pathway.barriers.get(visibility=Visibility.SOCIAL_STAFF_ONLY)
    objective = programme_pathway.action_plan.objectives.get()
    objective.barriers.add(hidden)
    supervisor = Membership.objects.get(user=programme_pathway.team_supervisor)
    counsellor = Membership.objects.get(user=programme_pathway.counsellor)
    assert programme_context(programme_pathway, supervisor)["objectives"] == []
    [shown] = programme_context(programme_pathway, counsellor)["objectives"]
    assert hidden in shown.readable_barriers and len(shown.readable_barriers) == 2


def test_the_rendered_html_for_a_supervisor_does_not_carry_it(programme_pathway):
    from django.template.loader import render_to_string

    supervisor = Membership.objects.get(user=programme_pathway.team_supervisor)
    html = render_to_string("programme_documents/programme_pdf.html", programme_context(programme_pathway, supervisor))
    assert TEAM_TEXT in html
    assert SOCIAL_ONLY_TEXT not in html
