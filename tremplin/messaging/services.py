"""Rules of messages: who may be reached and how, queueing (idempotent), sending, invitations, reminders,
the person's "I can't come", delivery reports.

A message is first a row (status queued, a UNIQUE idempotency key), then sent by `deliver` in the background.
`deliver` claims the row with a conditional lock (`select_for_update(skip_locked=True)` on a queued row): a
second worker, a re-run or a retry finds it locked or no longer queued and sends nothing (decision 0014).
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.consent.models import Consent, ConsentKind

from . import meetings as meeting_shapes
from . import texts
from .ics import meeting_ics
from .models import Channel, ContactPreference, Message, MessageTemplate, MessagingSettings, Purpose, Status
from .signals import meeting_declined, message_failed
from .sms import SmsError, send_sms

log = logging.getLogger(__name__)

DECLINE_SALT = "tremplin.messaging.decline"
MAX_ATTEMPTS = 5


class SendError(Exception):
    """A provider's refusal: `retryable` when it may pass later (throttling, outage)."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: int | None = None):
        super().__init__(reason)
        self.reason, self.retryable, self.retry_after = reason, retryable, retry_after


# --- Settings, preferences, consent -------------------------------------------------------------------------


def settings_of(structure) -> MessagingSettings:
    """The structure's saved settings, or the defaults (unsaved) until the direction saves its own."""
    found = getattr(structure, "_messaging_settings", None)
    if found is None:
        found = MessagingSettings.objects.filter(structure=structure).first() or MessagingSettings(structure=structure)
        structure._messaging_settings = found
    return found


def preference_of(person) -> ContactPreference:
    """The person's preferences, or the defaults (unsaved): both channels, the file's phone if it is a mobile."""
    try:
        return person.contact_preference
    except ContactPreference.DoesNotExist:
        pass
    from .phones import to_e164

    try:
        mobile = to_e164(person.phone, person.structure.country)
    except ValidationError:
        mobile = ""
    return ContactPreference(person=person, mobile=mobile)


def has_contact_consent(person, on: datetime.date | None = None) -> bool:
    on = on or timezone.localdate()
    return Consent.objects.filter(person=person, kind=ConsentKind.CONTACT).active_on(on).exists()


def address_for(person, preference: ContactPreference, channel: str) -> str:
    return preference.mobile if channel == Channel.SMS else person.email


def allowed_channels(person, preference: ContactPreference, *, consent: bool) -> list[str]:
    """The channels a message may go by now: consent given, not opted out, an address known."""
    if not consent:
        return []
    channels = []
    if not preference.sms_opt_out and preference.mobile:
        channels.append(Channel.SMS)
    if not preference.email_opt_out and person.email:
        channels.append(Channel.EMAIL)
    return channels


def preferred_channels(person, preference: ContactPreference, *, consent: bool) -> list[str]:
    """What the invitation checkbox ticks by default: the allowed channels the person prefers."""
    allowed = allowed_channels(person, preference, consent=consent)
    wanted = {Channel.SMS: preference.by_sms, Channel.EMAIL: preference.by_email}
    return [channel for channel in allowed if wanted[channel]]


def why_not_reachable(person, preference: ContactPreference, *, consent: bool) -> str:
    if not consent:
        return _("La personne n'a pas donné son accord pour être contactée par SMS ou courriel.")
    if not allowed_channels(person, preference, consent=consent):
        return _("Aucun numéro de portable ni courriel utilisable (ou la personne ne veut plus de messages).")
    return ""


# --- Quiet hours and the daily cap --------------------------------------------------------------------------


def next_allowed(moment: datetime.datetime, config: MessagingSettings) -> datetime.datetime:
    """`moment` if outside the quiet hours, else the end of the quiet hours (the next morning)."""
    local = timezone.localtime(moment)
    start, end = config.quiet_from, config.quiet_until
    if isinstance(start, str):
        start = datetime.time.fromisoformat(start)
    if isinstance(end, str):
        end = datetime.time.fromisoformat(end)
    now = local.time()
    quiet = (now >= start or now < end) if start > end else (start <= now < end)
    if not quiet:
        return moment
    day = local.date() if now < end else local.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, end), local.tzinfo)


def sent_today(structure) -> int:
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    return Message.objects.filter(structure=structure, sent_at__gte=start).count()


# --- Composing and queueing ---------------------------------------------------------------------------------


def template_for(structure, meeting_kind: str, purpose: str, language: str) -> str:
    language = texts.language_for(language)
    own = (
        MessageTemplate.objects.filter(
            structure=structure, meeting_kind=meeting_kind, purpose=purpose, language=language
        )
        .values_list("body", flat=True)
        .first()
    )
    return own or texts.default_template(meeting_kind, purpose, language)


def place_of(meeting, language: str) -> str:
    if meeting.channel == "phone":
        return texts.BY_PHONE[language]
    if meeting.channel == "video":
        return texts.BY_VIDEO[language]
    if meeting.place:
        return meeting.place
    structure = meeting.structure
    return ", ".join(part for part in (structure.address, f"{structure.postcode} {structure.city}".strip()) if part)


def decline_token(message: Message) -> str:
    return signing.Signer(salt=DECLINE_SALT).sign(message.public_id.hex)


def message_from_token(token: str) -> Message | None:
    try:
        value = signing.Signer(salt=DECLINE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Message.objects.select_related("person", "structure", "pathway").filter(public_id=value).first()


def values_for(meeting, message: Message, *, site_url: str, bring: str = "") -> dict:
    language = message.language
    date, time = texts.when(meeting.at, language)
    place = place_of(meeting, language)
    staff = meeting.staff
    values = {
        "first_name": meeting.person.first_name,
        "what": texts.WHAT[meeting.kind][language],
        "date": date,
        "time": time,
        "place": place or "—",
        "map": texts.MAP[language].format(url=texts.map_url(place)) if meeting.channel == "in_person" and place else "",
        "who": (staff.get_full_name() or staff.get_username()) if staff else str(meeting.structure),
        "bring": texts.BRING[language].format(items=bring.strip().rstrip(".")) if bring.strip() else "",
        "link": site_url.rstrip("/") + reverse("messaging:decline", args=[decline_token(message)]),
        "structure": str(meeting.structure),
    }
    return values


def _key(purpose: str, meeting, channel: str, *, extra: str = "") -> str:
    version = timezone.localtime(meeting.at).strftime("%Y%m%dT%H%M")
    parts = [purpose, meeting.kind, meeting.public_id.hex, version]
    if extra:
        parts.append(extra)
    parts.append(channel)
    return ":".join(parts)


def queue_for_meeting(
    meeting,
    purpose: str,
    channels: list[str],
    *,
    by=None,
    site_url: str = "",
    bring: str = "",
    extra_key: str = "",
    not_before: datetime.datetime | None = None,
) -> list[Message]:
    """One message per channel, written once: a key already used (the same invitation or reminder) is skipped.
    The sending is started after the transaction commits."""
    person = meeting.person
    language = texts.language_for(getattr(person, "preferred_language", "fr"))
    preference = preference_of(person)
    site_url = site_url or settings.TREMPLIN_SITE_URL
    template = template_for(meeting.structure, meeting.kind, purpose, language)
    created = []
    for channel in channels:
        key = _key(purpose, meeting, channel, extra=extra_key)
        message = Message(
            person=person,
            pathway=meeting.pathway,
            structure=meeting.structure,
            meeting_kind=meeting.kind,
            meeting_id=meeting.public_id,
            meeting_at=meeting.at,
            channel=channel,
            purpose=purpose,
            language=language,
            recipient=address_for(person, preference, channel),
            idempotency_key=key,
            sent_by=by,
            visibility=meeting.visibility,
            not_before=not_before,
            subject=texts.SUBJECTS[language][purpose],
        )
        message.body = texts.render(template, values_for(meeting, message, site_url=site_url, bring=bring))
        try:
            with transaction.atomic():
                message.save()
        except IntegrityError:
            continue  # this very message exists already: never twice
        created.append(message)
    if created:
        ids = [message.pk for message in created]
        transaction.on_commit(lambda: _start(ids))
    return created


def _start(ids: list[int]) -> None:
    from .tasks import deliver_message

    for pk in ids:
        deliver_message.delay(pk)


# --- Sending ------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    status: str
    retry: bool = False
    retry_after: int | None = None


def deliver(pk: int, *, final_attempt: bool = False) -> Outcome:
    """Sends one queued message, once. Re-checks consent, opt-out, quiet hours and the daily cap at send time."""
    failure_signal = None
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("person", "structure", "sent_by")
            .filter(pk=pk, status=Status.QUEUED)
            .first()
        )
        if message is None:
            return Outcome("skipped")
        now = timezone.now()
        config = settings_of(message.structure)
        if message.not_before and message.not_before > now:
            return Outcome("waiting")
        allowed = next_allowed(now, config)
        if allowed > now:
            message.not_before = allowed
            message.reason = _("Heures calmes : envoi reporté au matin.")
            message.save(update_fields=["not_before", "reason", "updated_at"])
            return Outcome("waiting")
        refusal = _refusal(message)
        if refusal:
            _fail(message, refusal)
            failure_signal = message
        elif sent_today(message.structure) >= config.daily_cap:
            message.reason = _("Limite de %(cap)s messages par jour atteinte : envoi reporté.") % {
                "cap": config.daily_cap
            }
            message.save(update_fields=["reason", "updated_at"])
            return Outcome("capped")
        else:
            message.attempts += 1
            try:
                provider_id = _send(message)
            except SendError as error:
                if error.retryable and not final_attempt and message.attempts < MAX_ATTEMPTS:
                    message.reason = error.reason[:300]
                    message.save(update_fields=["attempts", "reason", "updated_at"])
                    return Outcome("retry", retry=True, retry_after=error.retry_after)
                _fail(message, error.reason)
                failure_signal = message
            else:
                message.status = Status.SENT
                message.provider_id = provider_id
                message.sent_at = timezone.now()
                message.reason = ""
                message.save(update_fields=["status", "provider_id", "sent_at", "reason", "attempts", "updated_at"])
    if failure_signal is not None:
        message_failed.send(sender=Message, message=failure_signal, staff_user=failure_signal.sent_by)
        return Outcome(Status.FAILED)
    return Outcome(message.status)


def _refusal(message: Message) -> str:
    """Why this message must not go at all now (consent withdrawn, opted out, meeting gone)."""
    person = message.person
    preference = preference_of(person)
    if not has_contact_consent(person):
        return _("Consentement au contact absent ou retiré.")
    if message.channel == Channel.SMS and preference.sms_opt_out:
        return _("La personne ne veut plus de SMS.")
    if message.channel == Channel.EMAIL and preference.email_opt_out:
        return _("La personne ne veut plus de courriels.")
    if not message.recipient:
        return _("Aucune adresse pour ce canal.")
    if message.purpose == Purpose.REMINDER and message.meeting_id:
        meeting = meeting_shapes.find(message.meeting_kind, message.meeting_id)
        if meeting is None or meeting.cancelled or meeting.held:
            return _("Rendez-vous annulé ou déjà tenu : rappel abandonné.")
        if meeting.at != message.meeting_at:
            return _("Rendez-vous déplacé : ce rappel est remplacé par celui du nouvel horaire.")
    return ""


def _fail(message: Message, reason: str) -> None:
    message.status = Status.FAILED
    message.reason = reason[:300]
    message.save(update_fields=["status", "reason", "attempts", "updated_at"])


def _send(message: Message) -> str:
    if message.channel == Channel.SMS:
        sender = settings_of(message.structure).sender_name or settings.TREMPLIN_SMS_SENDER
        try:
            return send_sms(message.recipient, message.body, sender).provider_id
        except SmsError as error:
            raise SendError(error.reason, retryable=error.retryable, retry_after=error.retry_after) from None
    return _send_email(message)


def _send_email(message: Message) -> str:
    email = EmailMessage(
        subject=f"{message.subject} — {message.structure}",
        body=message.body,
        to=[message.recipient],
        headers={"X-Tremplin-Message": str(message.public_id)},
    )
    if message.meeting_id and message.purpose in (Purpose.INVITATION, Purpose.UPDATE, Purpose.CANCELLATION):
        meeting = meeting_shapes.find(message.meeting_kind, message.meeting_id)
        if meeting is not None:
            method = "CANCEL" if message.purpose == Purpose.CANCELLATION else "REQUEST"
            email.attach(
                "rendez-vous.ics",
                meeting_ics(
                    meeting, summary=message.subject, location=place_of(meeting, message.language), method=method
                ),
                "text/calendar",
            )
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as error:
        # A bounce at the door: the address does not exist (5xx) or is refused for now (4xx).
        codes = [code for code, _text in error.recipients.values()]
        reason = "; ".join(f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values())
        raise SendError(f"SMTP: {reason}", retryable=all(400 <= code < 500 for code in codes)) from None
    except smtplib.SMTPResponseException as error:
        raise SendError(f"SMTP: {error.smtp_code} {error.smtp_error!r}", retryable=error.smtp_code < 500) from None
    except OSError as error:
        raise SendError(f"SMTP: {error}", retryable=True) from None
    except Exception as error:  # noqa: BLE001 - an e-mail provider's API refusal (django-anymail) is final
        raise SendError(f"{type(error).__name__}: {error}", retryable=False) from None
    return getattr(email, "anymail_status", None) and (email.anymail_status.message_id or "") or ""


def dispatch_waiting(now: datetime.datetime | None = None) -> int:
    """Messages still queued whose time has come (after quiet hours, the cap of a former day): sent again."""
    now = now or timezone.now()
    ids = list(
        Message.objects.filter(status=Status.QUEUED)
        .filter(Q(not_before__isnull=True) | Q(not_before__lte=now))
        .values_list("pk", flat=True)[:1000]
    )
    for pk in ids:
        from .tasks import deliver_message

        deliver_message.delay(pk)
    return len(ids)


# --- Invitations, updates, follow-ups -----------------------------------------------------------------------


def invite(meeting, *, by, channels: list[str], site_url: str = "", bring: str = "") -> list[Message]:
    return queue_for_meeting(meeting, Purpose.INVITATION, channels, by=by, site_url=site_url, bring=bring)


def notify_change(meeting, *, by, site_url: str = "") -> list[Message]:
    """A moved meeting: an update by the channels its invitations went by, those still allowed; nothing if the
    person was never invited."""
    used = set(
        Message.objects.filter(
            meeting_kind=meeting.kind, meeting_id=meeting.public_id, purpose__in=(Purpose.INVITATION, Purpose.UPDATE)
        ).values_list("channel", flat=True)
    )
    if not used:
        return []
    person = meeting.person
    allowed = allowed_channels(person, preference_of(person), consent=has_contact_consent(person))
    channels = [channel for channel in allowed if channel in used]
    return queue_for_meeting(meeting, Purpose.UPDATE, channels, by=by, site_url=site_url)


def invite_participants(participants, *, by, site_url: str = "") -> int:
    """Workshop participants just added: each invited by their preferred channels (those who agreed to be
    contacted); nothing for a workshop without a start time. Returns how many people were written to."""
    written = 0
    for participant in participants:
        meeting = meeting_shapes.of_participant(participant)
        if meeting is None:
            return 0
        channels = reach_of(meeting.person).preferred
        if channels and queue_for_meeting(meeting, Purpose.INVITATION, channels, by=by, site_url=site_url):
            written += 1
    return written


def notify_workshop_change(workshop, *, by, site_url: str = "") -> int:
    """A workshop moved (day, time or place): an update to each participant who was invited by message."""
    written = 0
    for participant in workshop.participants.select_related("pathway__person", "pathway__structure"):
        participant.workshop = workshop
        meeting = meeting_shapes.of_participant(participant)
        if meeting is not None and not meeting.held and notify_change(meeting, by=by, site_url=site_url):
            written += 1
    return written


def invite_to_immersion(immersion, *, by, site_url: str = "") -> int:
    """An immersion just recorded: the person invited to its first day by their preferred channels; nothing
    without an arrival time. Returns how many messages were written."""
    meeting = meeting_shapes.of_immersion(immersion)
    if meeting is None or meeting.held:
        return 0
    channels = reach_of(meeting.person).preferred
    return len(queue_for_meeting(meeting, Purpose.INVITATION, channels, by=by, site_url=site_url)) if channels else 0


def notify_immersion_change(immersion, *, by, site_url: str = "") -> int:
    """An immersion's first day, arrival time or place changed: an update if the person was invited by message."""
    meeting = meeting_shapes.of_immersion(immersion)
    if meeting is None or meeting.held:
        return 0
    return len(notify_change(meeting, by=by, site_url=site_url))


def plan_call(follow_up, call_time, *, by, send: bool, site_url: str = "") -> int:
    """Sets (or clears) the time of a post-exit call; the person invited when asked, or told when the time
    changes after an invitation. Returns how many messages were written."""
    from tremplin.exits.models import FollowUp

    with transaction.atomic():
        FollowUp.objects.select_for_update().filter(pk=follow_up.pk).exists()
        before = follow_up.call_time
        follow_up.call_time = call_time
        follow_up.save(update_fields=["call_time", "updated_at"])
        meeting = meeting_shapes.of_follow_up(follow_up)
        if meeting is None or meeting.held or meeting.at <= timezone.now():
            return 0
        if before is not None and before != call_time:
            return len(notify_change(meeting, by=by, site_url=site_url))
        if send:
            channels = reach_of(meeting.person).preferred
            if channels:
                return len(queue_for_meeting(meeting, Purpose.INVITATION, channels, by=by, site_url=site_url))
    return 0


def invite_to_review(items, *, by, site_url: str = "") -> int:
    """People on a review meeting's agenda who are invited: each one's invitation (nothing without a start time).
    Returns how many people were written to."""
    written = 0
    for item in items:
        meeting = meeting_shapes.of_review_item(item)
        if meeting is None or meeting.held:
            continue
        channels = reach_of(meeting.person).preferred
        if channels and queue_for_meeting(meeting, Purpose.INVITATION, channels, by=by, site_url=site_url):
            written += 1
    return written


def notify_review_change(review, *, by, site_url: str = "") -> int:
    """A review meeting moved (day, time or place): an update to each invited person who was written to."""
    written = 0
    for item in review.items.filter(person_invited=True).select_related("pathway__person", "pathway__structure"):
        item.meeting = review
        meeting = meeting_shapes.of_review_item(item)
        if meeting is not None and not meeting.held and notify_change(meeting, by=by, site_url=site_url):
            written += 1
    return written


def send_follow_up(meeting, *, by, site_url: str = "") -> list[Message]:
    """After a missed meeting: one follow-up by the person's preferred channels (once per meeting and time)."""
    reach = reach_of(meeting.person)
    if not reach.preferred:
        raise ValidationError(reach.why_not or _("Aucun canal préféré utilisable pour cette personne."))
    return queue_for_meeting(meeting, Purpose.FOLLOW_UP, reach.preferred, by=by, site_url=site_url)


@dataclass
class Reach:
    preferred: list[str]
    why_not: str


def reach_of(person) -> Reach:
    """What a planning form shows: the channels ticked by default, or why none can be."""
    preference = preference_of(person)
    consent = has_contact_consent(person)
    return Reach(
        preferred_channels(person, preference, consent=consent), why_not_reachable(person, preference, consent=consent)
    )


def checked_channels(person, chosen: list[str]) -> list[str]:
    """The channels ticked on a form, refused with a clear message when one may not be used."""
    preference = preference_of(person)
    consent = has_contact_consent(person)
    allowed = allowed_channels(person, preference, consent=consent)
    refused = [channel for channel in chosen if channel not in allowed]
    if refused:
        reason = why_not_reachable(person, preference, consent=consent) or _(
            "ce canal n'est pas utilisable pour cette personne (pas d'adresse, ou elle n'en veut plus)."
        )
        raise ValidationError(
            {
                "invite": _("Invitation par %(channels)s impossible : %(reason)s")
                % {"channels": ", ".join(str(Channel(c).label) for c in refused), "reason": reason}
            }
        )
    return chosen


# --- The person's answer and the provider's reports --------------------------------------------------------


def decline(message: Message) -> bool:
    """Records "I can't come" once; tells the staff member (signal). False when already recorded or past."""
    meeting = meeting_shapes.find(message.meeting_kind, message.meeting_id) if message.meeting_id else None
    if meeting is None or meeting.held or meeting.cancelled or meeting.at < timezone.now():
        return False
    updated = Message.objects.filter(pk=message.pk, declined_at__isnull=True).update(declined_at=timezone.now())
    if updated:
        message.refresh_from_db()
        message.save(update_fields=["updated_at"])  # its timeline events follow (the answer is one of them)
        meeting_declined.send(
            sender=Message, message=message, meeting=meeting.source, person=message.person, staff_user=meeting.staff
        )
    return True


def meeting_answers(meeting_kind: str, meeting_ids) -> dict:
    """{meeting public id: (when the person said they cannot come, whether a follow-up went)} for the meetings
    of one page, in one query."""
    rows = (
        Message.objects.filter(meeting_kind=meeting_kind, meeting_id__in=list(meeting_ids))
        .filter(Q(declined_at__isnull=False) | Q(purpose=Purpose.FOLLOW_UP))
        .values_list("meeting_id", "declined_at", "purpose")
        .order_by("created_at")
    )
    answers: dict = {}
    for meeting_id, declined_at, purpose in rows:
        declined, followed = answers.get(meeting_id, (None, False))
        answers[meeting_id] = (declined or declined_at, followed or purpose == Purpose.FOLLOW_UP)
    return answers


BREVO_STATUS = {
    "delivered": Status.DELIVERED,
    "sent": Status.SENT,
    "accepted": Status.SENT,
    "soft_bounce": Status.FAILED,
    "hard_bounce": Status.FAILED,
    "rejected": Status.FAILED,
    "skip": Status.FAILED,
    "error": Status.FAILED,
}


def record_report(provider_id: str, event: str, description: str = "") -> Message | None:
    """A provider's delivery report: status updated (never back from delivered or failed to sent)."""
    status = BREVO_STATUS.get(event)
    if not provider_id or status is None:
        return None
    message = Message.objects.select_related("sent_by").filter(provider_id=provider_id).first()
    if message is None:
        return None
    if status == Status.SENT and message.status in (Status.DELIVERED, Status.FAILED):
        return message
    message.status = status
    if status == Status.DELIVERED:
        message.delivered_at = timezone.now()
    if status == Status.FAILED:
        message.reason = (_("Refusé par l'opérateur : %(event)s") % {"event": f"{event} {description}".strip()})[:300]
    message.save(update_fields=["status", "delivered_at", "reason", "updated_at"])
    if status == Status.FAILED:
        message_failed.send(sender=Message, message=message, staff_user=message.sent_by)
    return message
