"""A flagged observation rings the counsellor's bell; opening the notification lands on the observation and
the count drops; the week shows a planned interview, and the private iCal feed holds it."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tremplin.accounts.factories import DEFAULT_PASSWORD
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_bell_the_notification_the_week_and_the_feed(page, french_aci):
    pathway = PathwayFactory(
        person=PersonFactory(structure=french_aci.structure, first_name="Nadia", last_name="Ferhat"),
        programme=french_aci.programme,
        status=Status.IN_CONTRACT,
        referent=french_aci.counsellor,
        supervisor=french_aci.supervisor,
        worksite=french_aci.worksite,
    )
    observation = ObservationFactory(
        pathway=pathway, author=french_aci.supervisor, needs_social_follow_up=True, text="Arrivée très en retard."
    )
    planned = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(10, 30)))
    InterviewFactory(pathway=pathway, led_by=french_aci.counsellor, planned_at=planned, visibility="whole_team")

    sign_in(page, french_aci.counsellor.email, DEFAULT_PASSWORD)
    bell = page.locator("#nav-count-notifications")
    expect(bell).to_contain_text("1")

    page.get_by_role("link", name="Notifications").click()
    page.get_by_role("button", name="Nadia Ferhat : une observation de chantier vous est signalée.").click()
    landing = reverse("observations:list", args=[pathway.public_id]) + f"#observation-{observation.public_id}"
    expect(page).to_have_url(re.compile(re.escape(landing) + "$"))
    expect(page.locator(f"#observation-{observation.public_id}")).to_contain_text("Arrivée très en retard.")
    expect(bell).to_be_hidden()  # the count dropped to nothing

    page.goto(reverse("calendars:week"))
    expect(page.get_by_role("link", name="Entretien individuel – Nadia Ferhat")).to_be_visible()
    page.get_by_role("button", name="Créer mon flux d'agenda").click()
    feed_url = page.get_by_label("Adresse du flux").input_value()

    response = page.context.request.get(feed_url)  # Playwright's request API, with the session's cookies…
    assert response.ok
    anonymous = page.context.browser.new_context()
    try:
        response = anonymous.request.get(feed_url)  # …and without: the token is enough
        assert response.ok
        events = Calendar.from_ical(response.body()).walk("VEVENT")
    finally:
        anonymous.close()
    assert [str(event["SUMMARY"]) for event in events] == ["Entretien individuel – N. F."]
    assert events[0]["DTSTART"].dt == planned
