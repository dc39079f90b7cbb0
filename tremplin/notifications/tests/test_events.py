"""The events of other apps that notify: flagged observations, partners' answers, follow-ups due."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.core.visibility import Visibility
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.notifications.models import Kind, Notification
from tremplin.notifications.tasks import notify_due_follow_ups_task
from tremplin.observations.factories import ObservationFactory
from tremplin.observations.services import acknowledge
from tremplin.orientations.factories import OrientationFactory, OrientationStepFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory


def test_a_flagged_observation_notifies_the_referent_once(counsellor, pathway):
    observation = ObservationFactory(pathway=pathway, needs_social_follow_up=True, text="Il a l'air épuisé.")
    observation.save()  # saved again: still one notification

    notification = Notification.objects.get()
    assert notification.recipient == counsellor and notification.kind == Kind.OBSERVATION_FLAGGED
    assert notification.title == "Awa Diallo : une observation de chantier vous est signalée."
    assert notification.url == (
        reverse("observations:list", args=[pathway.public_id]) + f"#observation-{observation.public_id}"
    )
    assert notification.person == pathway.person


def test_an_observation_not_flagged_notifies_nobody(pathway):
    ObservationFactory(pathway=pathway, needs_social_follow_up=False)
    assert not Notification.objects.exists()


def test_acknowledging_the_observation_marks_its_notification_read(counsellor, pathway):
    observation = ObservationFactory(pathway=pathway, needs_social_follow_up=True)
    acknowledge(observation, by=counsellor)
    assert Notification.objects.get().read_at is not None


def test_the_title_of_a_social_staff_only_observation_says_nothing_of_it(counsellor, pathway):
    ObservationFactory(
        pathway=pathway, needs_social_follow_up=True, text="Rechute", visibility=Visibility.SOCIAL_STAFF_ONLY
    )
    title = Notification.objects.get().title
    assert "Rechute" not in title and "bien-être" not in title


def test_a_partners_answer_notifies_the_referent_and_who_oriented(structure, counsellor, pathway, member):
    case_manager = member(Role.CASE_MANAGER)
    orientation = OrientationFactory(pathway=pathway, created_by=case_manager, visibility_choice="")
    OrientationStepFactory(orientation=orientation, to_status="accepted", by_partner=True)

    notifications = Notification.objects.order_by("recipient_id")
    assert {n.recipient for n in notifications} == {counsellor, case_manager}
    assert all(orientation.organisation.name not in n.title for n in notifications)
    assert notifications[0].url == reverse("orientations:detail", args=[orientation.public_id])


def test_a_step_recorded_by_staff_notifies_nobody(pathway):
    OrientationStepFactory(orientation=OrientationFactory(pathway=pathway), to_status="sent", by_partner=False)
    assert not Notification.objects.exists()


def test_a_social_staff_only_orientation_is_not_notified_to_a_job_coach(counsellor, pathway, member):
    job_coach = member(Role.JOB_COACH)
    orientation = OrientationFactory(
        pathway=pathway, created_by=job_coach, visibility_choice=Visibility.SOCIAL_STAFF_ONLY
    )
    OrientationStepFactory(orientation=orientation, to_status="accepted", by_partner=True)
    assert [n.recipient for n in Notification.objects.all()] == [counsellor]


def _follow_up_due(structure, referent, *, due_on, **fields):
    pathway = PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Léa", last_name="Roux"), referent=referent
    )
    return FollowUpFactory(exit=ExitFactory(pathway=pathway), due_on=due_on, **fields)


def test_the_follow_up_job_notifies_each_due_follow_up_once(structure, counsellor):
    today = timezone.localdate()
    due = _follow_up_due(structure, counsellor, due_on=today)
    _follow_up_due(structure, counsellor, due_on=today + datetime.timedelta(days=1))  # not yet
    _follow_up_due(structure, counsellor, due_on=today - datetime.timedelta(days=3), outcome="new_job")  # done
    _follow_up_due(structure, counsellor, due_on=today - datetime.timedelta(days=61))  # missed long ago

    call_command("notify_due_follow_ups", today=today.isoformat(), stdout=open("/dev/null", "w"))
    notify_due_follow_ups_task.delay(today.isoformat())  # the job run twice: nothing more

    notification = Notification.objects.get()
    assert notification.kind == Kind.FOLLOW_UP_DUE and notification.recipient == counsellor
    assert notification.title.startswith("Léa Roux : le suivi à 1 mois après la sortie était prévu le")
    assert notification.url == reverse("exits:follow_up", args=[due.public_id])


def test_a_follow_up_kept_for_the_social_staff_is_not_notified_to_a_job_coach_referent(structure, member):
    # A job coach never is référent·e (no EDIT_PEOPLE), but the rule holds whoever the référent·e is.
    job_coach = member(Role.JOB_COACH)
    follow_up = _follow_up_due(structure, job_coach, due_on=timezone.localdate())
    follow_up.exit.visibility = Visibility.SOCIAL_STAFF_ONLY
    follow_up.exit.save()
    call_command("notify_due_follow_ups", stdout=open("/dev/null", "w"))
    assert not Notification.objects.exists()
