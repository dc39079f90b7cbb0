"""A token never sees more than its membership: team, visibility levels, structure."""

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.api.factories import ApiTokenFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.structures.factories import StructureFactory


def _ids(response) -> set[str]:
    return {row["id"] for row in response.json()["results"]}


def test_a_supervisor_token_sees_its_team_and_never_social_only_items(world, token_for, call):
    token = token_for(Role.SUPERVISOR)
    people = call(token, "GET", "/api/v1/people/")
    assert _ids(people) == {str(world["person"].public_id)}
    assert people.json()["results"][0]["file"] is None  # names only, as on the person page
    appointments = call(token, "GET", "/api/v1/appointments/")
    assert _ids(appointments) == {str(world["interviews"]["team"].public_id)}
    social = world["interviews"]["social"].public_id
    assert call(token, "GET", f"/api/v1/appointments/{social}/").status_code == 404
    assert call(token, "GET", f"/api/v1/people/{world['outsider'].public_id}/").status_code == 404
    assert call(token, "GET", f"/api/v1/pathways/{world['outsider_pathway'].public_id}/").status_code == 404


def test_a_counsellor_token_reads_social_only_items(world, token_for, call):
    token = token_for(Role.COUNSELLOR)
    appointments = call(token, "GET", "/api/v1/appointments/")
    assert _ids(appointments) == {str(i.public_id) for i in world["interviews"].values()}
    person = call(token, "GET", f"/api/v1/people/{world['person'].public_id}/").json()
    assert (
        person["file"]["birth_date"] == world["person"].birth_date.isoformat() if world["person"].birth_date else True
    )


def test_the_plan_leaves_out_what_the_member_may_not_read(world, token_for, call):
    url = f"/api/v1/pathways/{world['pathway'].public_id}/plan/"
    counsellor = call(token_for(Role.COUNSELLOR), "GET", url).json()
    job_coach = call(token_for(Role.JOB_COACH), "GET", url).json()
    hidden = str(world["hidden_objective"].public_id)
    assert hidden in {row["id"] for row in counsellor["objectives"]}
    assert hidden not in {row["id"] for row in job_coach["objectives"]}
    assert str(world["objective"].public_id) in {row["id"] for row in job_coach["objectives"]}


def test_another_structures_records_are_404_even_for_a_member_of_both(world, call):
    """The token of structure B's member, who also works in A, does not reach A's records."""
    other = StructureFactory(name="Structure B")
    user = world["members"][Role.COUNSELLOR].user
    token = ApiTokenFactory(membership=MembershipFactory(structure=other, role=Role.COUNSELLOR, user=user))
    PathwayFactory(person__structure=other, programme__structure=other)
    pathway = world["pathway"]
    for url in (
        f"/api/v1/people/{pathway.person.public_id}/",
        f"/api/v1/pathways/{pathway.public_id}/",
        f"/api/v1/pathways/{pathway.public_id}/plan/",
        f"/api/v1/appointments/{world['interviews']['team'].public_id}/",
    ):
        response = call(token, "GET", url)
        assert response.status_code == 404, url
        assert response.json()["errors"][0]["code"] == "not_found"
    assert str(pathway.person.public_id) not in _ids(call(token, "GET", "/api/v1/people/"))
    patch = call(token, "PATCH", f"/api/v1/appointments/{world['interviews']['team'].public_id}/", {"notes": "x"})
    assert patch.status_code == 404
