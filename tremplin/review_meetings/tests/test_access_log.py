"""Logging several people's files at once writes the same chained entries as logging them one by one."""

from django.test import RequestFactory

from tremplin.accounts.models import Membership
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import log_access, log_access_many, verify_chain


def _request(user, structure):
    request = RequestFactory().get("/reunions/")
    request.user = user
    request.membership = Membership.objects.get(user=user, structure=structure)
    return request


def test_one_entry_per_person_chained_with_the_entries_before_and_after(structure, counsellor, make_pathway, meeting):
    people = [make_pathway(f"P{n}", f"N{n}").person for n in range(3)]
    request = _request(counsellor, structure)
    log_access(request, person=people[0], part="person")
    log_access_many(request, people=people, part="review_meeting", obj=meeting)
    log_access(request, person=people[1], part="person")
    entries = list(AccessLogEntry.objects.filter(part="review_meeting").order_by("id"))
    assert [e.person_public_id for e in entries] == [p.public_id for p in people]
    assert {e.structure_public_id for e in entries} == {structure.public_id}
    assert {e.actor_email for e in entries} == {counsellor.email}
    assert verify_chain().ok


def test_nobody_to_log_writes_nothing(structure, counsellor):
    log_access_many(_request(counsellor, structure), people=[], part="review_meeting")
    assert not AccessLogEntry.objects.exists()
