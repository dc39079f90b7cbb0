"""The exit page: facts, follow-ups, the exit assessment link; social-staff-only exits."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Pathway, Status
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def exit_in(structure, **kwargs):
    pathway = PathwayFactory(person=PersonFactory(structure=structure), status=Status.FOLLOW_UP)
    exit_record = ExitFactory(pathway=pathway, **kwargs)
    for months in (1, 3, 6):
        FollowUpFactory(exit=exit_record, months=months)
    return exit_record


def url(exit_record):
    return reverse("exits:detail", args=[exit_record.public_id])


def test_it_shows_the_exit_its_follow_ups_and_the_exit_assessment(client, structure, counsellor):
    exit_record = exit_in(structure)
    client.force_login(counsellor)
    content = client.get(url(exit_record)).content.decode()
    assert "Paysages du Nord" in content
    assert reverse("programme_documents:exit_assessment_pdf", args=[exit_record.pathway.public_id]) in content
    assert content.count(reverse("exits:follow_up", args=[exit_record.follow_ups.first().public_id])) == 1
    assert "à faire" in content  # the 1-month follow-up is past due


def test_an_exit_kept_for_the_social_staff_is_a_404_to_the_job_coach(client, structure, member):
    exit_record = exit_in(
        structure, category="imprisonment", group="not_counted", visibility=Visibility.SOCIAL_STAFF_ONLY
    )
    client.force_login(member(Role.JOB_COACH))
    assert client.get(url(exit_record)).status_code == 404
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(exit_record)).status_code == 200


def test_it_refuses_another_structures_person(client, member):
    exit_record = exit_in(StructureFactory())
    client.force_login(member(Role.DIRECTOR))
    assert client.get(url(exit_record)).status_code == 404


def test_the_person_page_links_to_the_exit_or_offers_to_record_it(client, structure, counsellor):
    from .conftest import in_contract

    exit_record = exit_in(structure)
    in_pathway, _contract = in_contract(structure)
    client.force_login(counsellor)
    page = client.get(reverse("people:detail", args=[exit_record.pathway.person.public_id])).content.decode()
    assert url(exit_record) in page
    assert "prochain suivi à 1 mois" in page
    page = client.get(reverse("people:detail", args=[in_pathway.person.public_id])).content.decode()
    assert reverse("exits:record", args=[in_pathway.public_id]) in page


def _render_cards(pathways, membership):
    from django.template import Context, Template

    template = Template(
        '{% for pathway in pathways %}{% include "exits/_pathway_exit.html" with pathway=pathway %}{% endfor %}'
    )
    caps = {"edit_people": True}
    return template.render(Context({"pathways": pathways, "membership": membership, "caps": caps}))


def test_the_person_page_card_costs_no_query_before_an_exit_and_two_for_any_number_of_exits(
    structure, counsellor, django_assert_num_queries
):
    from tremplin.accounts.models import Membership

    membership = Membership.objects.get(user=counsellor)
    candidates = [PathwayFactory(person=PersonFactory(structure=structure)) for _ in range(3)]
    with django_assert_num_queries(0):
        _render_cards(candidates, membership)
    for count in (1, 4):
        left = [exit_in(structure).pathway for _ in range(count)]
        pathways = list(Pathway.objects.filter(pk__in=[p.pk for p in left]).select_related("programme", "person"))
        with django_assert_num_queries(2):  # the exits, their follow-ups
            html = _render_cards(pathways, membership)
        assert html.count("prochain suivi à 1 mois") == count
