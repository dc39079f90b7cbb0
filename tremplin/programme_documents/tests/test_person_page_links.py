import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role


def links(pathway):
    kwargs = {"pathway_id": pathway.public_id}
    return (
        reverse("programme_documents:programme_pdf", kwargs=kwargs),
        reverse("programme_documents:exit_assessment_pdf", kwargs=kwargs),
    )


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DPO])
def test_the_person_page_links_to_both_documents(client, member, programme_pathway, role):
    client.force_login(member(role))
    page = client.get(reverse("people:detail", kwargs={"public_id": programme_pathway.person.public_id}))
    assert page.status_code == 200
    for link in links(programme_pathway):
        assert link in page.text


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_roles_that_may_not_print_see_no_link(client, member, programme_pathway, role):
    client.force_login(member(role))
    page = client.get(reverse("people:detail", kwargs={"public_id": programme_pathway.person.public_id}))
    assert page.status_code == 200
    for link in links(programme_pathway):
        assert link not in page.text
