"""A counsellor plans an interview and invites the person by SMS and e-mail; the fake SMS API (Brevo's shapes)
and the local SMTP server receive them; the person says "I can't come" through the link, without signing in;
the counsellor's bell rings and the notification leads to the meeting; the reminders' job, run twice, sends the
reminder once; the counsellor's private iCal feed holds the meeting."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, field, sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind
from tremplin.messaging.factories import ContactPreferenceFactory
from tremplin.messaging.tests.servers import FakeBrevo, start_smtp, use_servers
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def providers(settings):
    controller, sink = start_smtp()
    brevo = FakeBrevo().start()
    use_servers(settings, controller, brevo)
    yield sink, brevo
    brevo.stop()
    controller.stop()


@pytest.fixture
def daytime(time_machine):
    """Tomorrow at 11:00: outside the quiet hours, whenever the test runs."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    time_machine.move_to(timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(11))), tick=True)


def test_an_invitation_a_decline_and_one_reminder(page, browser, live_server, french_aci, providers, daytime):
    sink, brevo = providers
    person = PersonFactory(
        structure=french_aci.structure, first_name="Awa", last_name="Traoré", email="awa@example.org"
    )
    ConsentFactory(person=person, kind=ConsentKind.CONTACT, recorded_by=french_aci.counsellor)
    ContactPreferenceFactory(person=person, mobile="+33612345678")
    pathway = PathwayFactory(
        person=person, programme=french_aci.programme, status=Status.IN_CONTRACT, referent=french_aci.counsellor
    )
    # In 47 hours: its reminder "48 hours before" is due at once.
    meeting_at = timezone.localtime() + datetime.timedelta(hours=47)

    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    page.goto(reverse("interviews:create", args=[pathway.public_id]))
    expect(page.get_by_label("SMS")).to_be_checked()
    expect(page.get_by_label("courriel")).to_be_checked()
    field(page, "Date et heure prévues").fill(meeting_at.strftime("%Y-%m-%dT%H:%M"))
    field(page, "À apporter (écrit dans l'invitation)").fill("pièce d'identité")
    assert_accessible(page)
    page.get_by_role("button", name="Prévoir l'entretien").click()
    expect(page.get_by_role("status")).to_contain_text("invitation envoyée")

    assert [sms["recipient"] for sms in brevo.received] == ["33612345678"]
    assert "pièce d'identité" in brevo.received[0]["content"]
    assert [mail["To"] for mail in sink.messages] == ["awa@example.org"]
    assert any(part.get_content_type() == "text/calendar" for part in sink.messages[0].walk())

    # The person opens the link of the SMS on their phone, not signed in.
    link = re.search(r"https?://\S+/messages/r/\S+/", brevo.received[0]["content"]).group(0)
    phone = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, is_mobile=True)
    person_page = phone.new_page()
    person_page.goto(link)
    person_page.get_by_role("button", name="Confirmer que je ne peux pas venir").click()
    expect(person_page.get_by_role("status")).to_contain_text("C'est noté")
    assert_accessible(person_page)
    phone.close()

    # The counsellor's bell rings; the notification leads to the meeting, which shows the answer.
    page.goto(reverse("dashboards:home"))
    expect(page.locator("#nav-count-notifications")).to_contain_text("1")
    page.get_by_role("link", name="Notifications").click()
    page.get_by_role("button", name=re.compile("Awa Traoré ne pourra pas venir")).click()
    expect(page).to_have_url(re.compile(r"/modifier/$"))
    page.goto(reverse("interviews:list", args=[pathway.public_id]))
    expect(page.get_by_text("La personne ne pourra pas venir")).to_be_visible()

    # The reminders' job, twice: one reminder per channel, once.
    call_command("send_due_reminders")
    call_command("send_due_reminders")
    reminders = [sms for sms in brevo.received if "Rappel" in sms["content"]]
    assert len(reminders) == 1
    assert len(sink.messages) == 2

    # The counsellor's private calendar feed, read without a session, holds the meeting.
    page.goto(reverse("calendars:week"))
    page.get_by_role("button", name="Créer mon flux d'agenda").click()
    feed_url = page.get_by_label("Adresse du flux").input_value()
    anonymous = browser.new_context()
    try:
        events = Calendar.from_ical(anonymous.request.get(feed_url).body()).walk("VEVENT")
    finally:
        anonymous.close()
    assert [event["DTSTART"].dt for event in events] == [meeting_at.replace(second=0, microsecond=0)]
