"""Every save through a screen writes a history row naming the member who made it
(simple-history's HistoryRequestMiddleware gives the request's user to the row)."""

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.structures.factories import WorksiteFactory

from .helpers import open_form, posted


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


def test_a_person_edit_records_its_author(client, structure, counsellor):
    person = PersonFactory(structure=structure, city="Roubaix")
    url = reverse("people:edit", args=[person.public_id])
    client.force_login(counsellor)
    assert client.post(url, posted(open_form(client, url), city="Tourcoing")).status_code == 302

    latest = person.history.latest()
    assert (latest.history_type, latest.city, latest.history_user) == ("~", "Tourcoing", counsellor)


def test_a_new_person_records_its_author(client, structure, counsellor):
    from tremplin.programmes.factories import ProgrammeFactory

    programme = ProgrammeFactory(structure=structure)
    client.force_login(counsellor)
    data = {
        "first_name": "Inès",
        "last_name": "Garnier",
        "birth_date": "1990-04-12",
        "nationality": "fr",
        "driving_licence": "none",
        "programme": str(programme.pk),
    }
    assert client.post(reverse("people:create"), data).status_code == 302

    person = Person.objects.get(last_name="Garnier")
    assert person.history.get().history_user == counsellor
    assert person.pathways.get().history.earliest().history_user == counsellor


def test_a_pathway_team_change_records_its_author(client, structure, counsellor):
    pathway = PathwayFactory(person__structure=structure)
    url = reverse("pathways:team", args=[pathway.public_id])
    client.force_login(counsellor)
    assert client.post(url, posted(open_form(client, url), referent=str(counsellor.pk))).status_code == 302

    assert pathway.history.latest().history_user == counsellor


def test_structure_worksite_and_member_changes_record_their_author(client, structure, member):
    director = member(Role.DIRECTOR)
    worksite = WorksiteFactory(structure=structure)
    target = MembershipFactory(structure=structure, role=Role.COUNSELLOR)
    client.force_login(director)

    for url, changes in [
        (reverse("structures:settings"), {"city": "Lille"}),
        (reverse("structures:worksite_edit", args=[worksite.public_id]), {"city": "Lille"}),
        (reverse("accounts:member_edit", args=[target.public_id]), {"job_title": "CIP"}),
    ]:
        assert client.post(url, posted(open_form(client, url), **changes)).status_code == 302

    assert structure.history.latest().history_user == director
    assert worksite.history.latest().history_user == director
    assert target.history.latest().history_user == director
