"""Notifying staff members: one plain function any app calls (`notify`), reading and marking read.

A notification is created only for an active member of the structure who may read what it is about:
an item kept for the social staff never notifies someone who may not read it, and titles name the person
and the kind of event, never what the item says (decision 0008).
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from tremplin.accounts.models import Membership

from .models import Kind, Notification

TITLE_MAX = 200
# The follow-up job looks this far back: a job that did not run for a while catches up, and the first run
# after installing does not bury the référent·es under follow-ups missed long ago.
FOLLOW_UP_WINDOW_DAYS = 60


def is_same_site(url: str) -> bool:
    """A path of this site ("/…"), never another host nor a scheme such as javascript:."""
    return bool(url) and url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=set())


def notify(
    recipient,
    kind: str,
    *,
    structure,
    title: str,
    url: str,
    target=None,
    dedupe_key: str | None = None,
    person=None,
    visibility: str | None = None,
) -> Notification | None:
    """Tells `recipient` about an event of `structure`; returns the notification, or None when nothing was
    created: no recipient, not an active member of the structure, not allowed to read an item at
    `visibility`, or the same `dedupe_key` already notified them. `person` defaults to the target's
    (its `person` or its pathway's person), so that the notification goes with the person's data."""
    if kind not in Kind.values:
        raise ValueError(f"kind: unknown notification kind {kind!r}")
    if not is_same_site(url):
        raise ValueError(f"url: a path of this site is expected, got {url!r}")
    if recipient is None or not recipient.is_active:
        return None
    membership = Membership.objects.active().filter(user=recipient, structure=structure).first()
    if membership is None:
        return None
    if visibility is not None and visibility not in membership.readable_levels:
        return None
    if person is None and target is not None:
        person = getattr(target, "person", None) or getattr(getattr(target, "pathway", None), "person", None)
    notification = Notification(
        recipient=recipient,
        structure=structure,
        person=person,
        kind=kind,
        title=title[:TITLE_MAX],
        url=url,
        dedupe_key=(dedupe_key or "")[:200],
    )
    if not notification.dedupe_key:
        notification.save()
        return notification
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction goes on after a duplicate
            notification.save()
    except IntegrityError:
        return None
    return notification


def unread_count(membership) -> int:
    return Notification.objects.of(membership).unread().count()


def centre(membership) -> QuerySet[Notification]:
    """Unread first, then the newest."""
    return Notification.objects.of(membership).order_by(F("read_at").desc(nulls_first=True), "-created_at", "-id")


def open_notification(notification: Notification) -> str:
    """Marks it read (the first time) and returns where to go."""
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    return notification.url


def mark_all_read(membership) -> int:
    return Notification.objects.of(membership).unread().update(read_at=timezone.now())


def mark_read_about(dedupe_key: str) -> int:
    """Once the event is dealt with elsewhere (an observation acknowledged), its notifications are read."""
    return Notification.objects.filter(dedupe_key=dedupe_key, read_at__isnull=True).update(read_at=timezone.now())


# --- Events of other apps ---------------------------------------------------------------------------------


def person_name(person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def observation_flagged(observation) -> Notification | None:
    """A worksite observation passed on to the social staff: the person's référent·e is told."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from tremplin.accounts.roles import Capability

    pathway = observation.pathway
    if not observation.needs_social_follow_up or observation.acknowledged_at is not None or not pathway.referent_id:
        return None
    membership = Membership.objects.active().filter(user_id=pathway.referent_id, structure_id=pathway.structure_id)
    membership = membership.first()
    if membership is None or not membership.can(Capability.EDIT_PEOPLE):
        return None
    url = reverse("observations:list", args=[pathway.public_id]) + f"#observation-{observation.public_id}"
    return notify(
        pathway.referent,
        Kind.OBSERVATION_FLAGGED,
        structure=pathway.structure,
        title=_("%(name)s : une observation de chantier vous est signalée.") % {"name": person_name(pathway.person)},
        url=url,
        target=observation,
        dedupe_key=f"observation:{observation.public_id}",
        person=pathway.person,
        visibility=observation.visibility,
    )


def orientation_answered(step) -> list[Notification]:
    """A partner recorded a step of an orientation: whoever follows the person and made it is told. The title
    names neither the partner nor the answer: a partner's name can say too much (decision 0008)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from tremplin.accounts.access import can_view_pathway

    if not step.by_partner:
        return []
    orientation = step.orientation
    pathway = orientation.pathway
    created = []
    recipients = {user.pk: user for user in (pathway.referent, orientation.created_by) if user is not None}
    for user in recipients.values():
        membership = Membership.objects.active().filter(user=user, structure_id=pathway.structure_id).first()
        if membership is None or not can_view_pathway(membership, pathway):
            continue
        notification = notify(
            user,
            Kind.ORIENTATION_ANSWERED,
            structure=pathway.structure,
            title=_("%(name)s : un partenaire a répondu à une orientation.") % {"name": person_name(pathway.person)},
            url=reverse("orientations:detail", args=[orientation.public_id]),
            target=orientation,
            dedupe_key=f"orientation_step:{step.pk}",
            person=pathway.person,
            visibility=orientation.visibility,
        )
        if notification is not None:
            created.append(notification)
    return created


def _staff_or_referent(staff_user, pathway):
    return staff_user if staff_user is not None else pathway.referent


def meeting_declined(message, meeting, person, staff_user) -> Notification | None:
    """The person answered "I can't come" to a message: whoever holds the meeting (else the référent·e) is told,
    with a link to the meeting, to move it."""
    from django.urls import reverse
    from django.utils.formats import date_format
    from django.utils.timezone import localtime
    from django.utils.translation import gettext as _

    pathway = message.pathway
    recipient = _staff_or_referent(staff_user, pathway)
    if message.meeting_kind == "interview":
        url = reverse("interviews:edit", args=[message.meeting_id])
    else:
        url = reverse("messaging:person", args=[person.public_id])
    when = date_format(localtime(message.meeting_at), "DATETIME_FORMAT") if message.meeting_at else ""
    return notify(
        recipient,
        Kind.MEETING_DECLINED,
        structure=message.structure,
        title=_("%(name)s ne pourra pas venir au rendez-vous du %(when)s.")
        % {"name": person_name(person), "when": when},
        url=url,
        target=message,
        dedupe_key=f"meeting_declined:{message.meeting_kind}:{message.meeting_id}:{message.meeting_at}",
        person=person,
        visibility=message.visibility,
    )


def message_failed(message, staff_user) -> Notification | None:
    """A message could not be delivered for good: who sent it (else the référent·e) is told, with the person's
    messages, where the reason is shown."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    recipient = _staff_or_referent(staff_user, message.pathway)
    return notify(
        recipient,
        Kind.MESSAGE_FAILED,
        structure=message.structure,
        title=_("%(name)s : un message n'a pas pu être remis (%(channel)s).")
        % {"name": person_name(message.person), "channel": message.get_channel_display()},
        url=reverse("messaging:person", args=[message.person.public_id]),
        target=message,
        dedupe_key=f"message_failed:{message.pk}",
        person=message.person,
        visibility=message.visibility,
    )


def notify_due_follow_ups(today: datetime.date | None = None) -> int:
    """The daily job: each follow-up after exit whose day has come and that has no outcome yet tells the
    person's référent·e once (the dedupe key makes a second run, or a second worker, add nothing)."""
    from django.urls import reverse

    from tremplin.exits.alerts import follow_up_due_sentence
    from tremplin.exits.models import FollowUp

    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    due = (
        FollowUp.objects.filter(due_on__lte=today, due_on__gte=since, outcome="", exit__pathway__referent__isnull=False)
        .select_related("exit__pathway__person", "exit__pathway__referent", "exit__pathway__structure")
        .order_by("due_on", "pk")
    )
    keys = {f"follow_up:{f.public_id}" for f in due}
    already = set(Notification.objects.filter(dedupe_key__in=keys).values_list("recipient_id", "dedupe_key"))
    sent = 0
    for follow_up in due:
        pathway = follow_up.exit.pathway
        key = f"follow_up:{follow_up.public_id}"
        if (pathway.referent_id, key) in already:
            continue
        notification = notify(
            pathway.referent,
            Kind.FOLLOW_UP_DUE,
            structure=pathway.structure,
            title=follow_up_due_sentence(person_name(pathway.person), follow_up.months, follow_up.due_on),
            url=reverse("exits:follow_up", args=[follow_up.public_id]),
            dedupe_key=key,
            person=pathway.person,
            visibility=follow_up.exit.visibility,
        )
        sent += notification is not None
    return sent
