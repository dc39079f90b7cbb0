import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.notifications.models import Kind, Notification
from tremplin.notifications.services import notify
from tremplin.structures.factories import StructureFactory


def test_notify_creates_one_notification_per_event_and_recipient(structure, counsellor, pathway):
    first = notify(
        counsellor,
        Kind.FOLLOW_UP_DUE,
        structure=structure,
        title="Suivi",
        url="/sorties/",
        target=pathway,
        dedupe_key="event:1",
    )
    again = notify(
        counsellor, Kind.FOLLOW_UP_DUE, structure=structure, title="Suivi", url="/sorties/", dedupe_key="event:1"
    )
    assert first is not None and again is None
    assert Notification.objects.get().person == pathway.person  # taken from the target's pathway


def test_without_a_dedupe_key_each_call_notifies(structure, counsellor):
    for _ in range(2):
        notify(counsellor, Kind.MESSAGE_FAILED, structure=structure, title="Message", url="/")
    assert Notification.objects.count() == 2


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "", "relative/"])
def test_only_same_site_urls_are_accepted(structure, counsellor, url):
    with pytest.raises(ValueError, match="url"):
        notify(counsellor, Kind.MESSAGE_FAILED, structure=structure, title="x", url=url)
    assert not Notification.objects.exists()


def test_an_unknown_kind_is_refused(structure, counsellor):
    with pytest.raises(ValueError, match="kind"):
        notify(counsellor, "gossip", structure=structure, title="x", url="/")


def test_nobody_outside_the_structure_is_notified(structure, counsellor):
    assert notify(counsellor, Kind.MESSAGE_FAILED, structure=StructureFactory(), title="x", url="/") is None


def test_an_item_kept_for_the_social_staff_never_notifies_someone_who_may_not_read_it(structure, member):
    job_coach = member(Role.JOB_COACH)
    kwargs = {"structure": structure, "title": "x", "url": "/", "visibility": Visibility.SOCIAL_STAFF_ONLY}
    assert notify(job_coach, Kind.MEETING_DECLINED, **kwargs) is None
    assert notify(member(Role.COUNSELLOR), Kind.MEETING_DECLINED, **kwargs) is not None


def test_a_long_title_is_cut_not_refused(structure, counsellor):
    notification = notify(counsellor, Kind.MESSAGE_FAILED, structure=structure, title="é" * 500, url="/")
    assert len(notification.title) == 200


def test_an_inactive_account_is_not_notified(structure, counsellor):
    counsellor.is_active = False
    counsellor.save()
    assert notify(counsellor, Kind.MESSAGE_FAILED, structure=structure, title="x", url="/") is None


def test_notifications_go_with_the_person(structure, counsellor, pathway):
    from tremplin.retention.services import anonymise_person

    notify(counsellor, Kind.MESSAGE_FAILED, structure=structure, title="Awa Diallo", url="/", person=pathway.person)
    anonymise_person(pathway.person, timezone.localdate())
    assert not Notification.objects.filter(title__contains="Diallo").exists()
