"""The design system's pieces: status badges, empty states, the header menu's counts, the person's card."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory
from tremplin.applications.factories import ApplicationFactory
from tremplin.applications.models import ApplicationStatus
from tremplin.dashboards.status_badges import TONES, badge_for, kinds
from tremplin.dashboards.templatetags.ui import status_badge
from tremplin.handover.factories import HandoverFactory
from tremplin.interviews.factories import InterviewFactory
from tremplin.observations.factories import ObservationFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_every_status_of_every_kind_has_a_tone_and_its_words(kind):
    choices, tones = kinds()[kind]
    assert set(tones) == set(choices.values), f"{kind}: statuses without a tone: {set(choices.values) - set(tones)}"
    for value, label in choices.choices:
        tone, text = badge_for(value, kind)
        assert tone in TONES
        assert text == label  # the words are always there, the colour only repeats them


def test_a_badge_prints_the_status_in_words_with_its_tone(structure):
    pathway = PathwayFactory(person=PersonFactory(structure=structure), status=Status.IN_CONTRACT)

    html = status_badge(pathway)

    assert html == '<span class="badge badge-ok status-in_contract">En contrat</span>'
    assert 'class="badge badge-danger status-refused">refus</span>' in status_badge("refused", "application")


def test_an_empty_state_says_what_the_list_holds_and_offers_the_next_step():
    html = render_to_string(
        "includes/empty_state.html",
        {
            "title": "Aucun atelier prévu",
            "text": "Les ateliers apparaîtront ici.",
            "action_url": "/ateliers/nouveau/",
            "action_label": "Prévoir un atelier",
        },
    )
    assert "Aucun atelier prévu" in html and "Les ateliers apparaîtront ici." in html
    assert '<a class="button" href="/ateliers/nouveau/">Prévoir un atelier</a>' in html
    # Without an action (the reader may not act), no empty button.
    assert "button" not in render_to_string("includes/empty_state.html", {"title": "Rien"})


@pytest.fixture
def counsellor_with_work(structure, member):
    counsellor = member(Role.COUNSELLOR)
    pathway = PathwayFactory(person=PersonFactory(structure=structure), referent=counsellor)
    for _ in range(2):
        ObservationFactory(pathway=pathway, needs_social_follow_up=True)
    ObservationFactory(pathway=pathway, needs_social_follow_up=True, acknowledged_at=timezone.now())
    # Someone else's person: not in this counsellor's inbox.
    ObservationFactory(pathway=PathwayFactory(person=PersonFactory(structure=structure)), needs_social_follow_up=True)
    HandoverFactory(structure=structure, to_referent=counsellor)
    ApplicationFactory(pathway=pathway, status=ApplicationStatus.TO_APPLY)
    ApplicationFactory(pathway=pathway, status=ApplicationStatus.APPLIED)
    return counsellor


def test_the_menu_counts_what_waits_for_the_member_in_a_fixed_number_of_queries(
    client, counsellor_with_work, django_assert_num_queries
):
    client.force_login(counsellor_with_work)
    client.get(reverse("dashboards:home"))  # the session is warm, as after any page

    # The request's own 5 (session, user, memberships… as for any page: see the next test), then one count
    # per figure: observations, handovers, applications, unread notifications.
    with django_assert_num_queries(5 + 4):
        response = client.get(reverse("dashboards:menu_counts"))

    html = response.content.decode()
    assert '<span class="nav-count" id="nav-count-observations" hx-swap-oob="true">' in html
    assert '2<span class="visually-hidden"> non lues</span>' in html
    assert '1<span class="visually-hidden"> à prendre en compte</span>' in html
    assert '1<span class="visually-hidden"> à envoyer</span>' in html
    # On the phone's Menu button: those 4, and the 2 notifications of the 2 unread observations flagged for them.
    assert '6<span class="visually-hidden"> éléments en attente</span>' in html


def test_a_member_with_nothing_to_count_gets_no_figure_and_no_count_query(client, member, django_assert_num_queries):
    supervisor = member(Role.SUPERVISOR)
    client.force_login(supervisor)
    client.get(reverse("dashboards:home"))

    with django_assert_num_queries(5 + 1):  # the request's own queries, and the unread notifications every member has
        html = client.get(reverse("dashboards:menu_counts")).content.decode()

    assert "nav-count-observations" not in html and "nav-count-applications" not in html
    assert 'id="nav-count-total" hx-swap-oob="true" hidden>' in html


def test_the_menu_loads_its_counts_after_the_page(client, counsellor_with_work):
    client.force_login(counsellor_with_work)
    html = client.get(reverse("dashboards:home")).content.decode()
    assert f'hx-get="{reverse("dashboards:menu_counts")}" hx-trigger="load"' in html
    assert '<span class="nav-count" id="nav-count-observations" hidden></span>' in html


@pytest.fixture
def followed(structure, member):
    counsellor = member(Role.COUNSELLOR, structure)
    counsellor.first_name, counsellor.last_name = "Claire", "Martin"
    counsellor.save()
    pathway = PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Awa", last_name="Diallo"),
        status=Status.IN_CONTRACT,
        referent=counsellor,
    )
    InterviewFactory(pathway=pathway, planned_at=timezone.now() + datetime.timedelta(days=3))
    plan = ActionPlanFactory(pathway=pathway)
    ActionFactory(plan=plan, due_date=timezone.localdate() - datetime.timedelta(days=5))
    return pathway


def test_the_person_card_shows_the_referent_the_next_appointment_and_the_alerts(
    client, member, followed, django_assert_num_queries
):
    client.force_login(followed.referent)
    page = client.get(reverse("barriers:list", args=[followed.public_id])).content.decode()
    assert 'aria-label="En bref : Awa Diallo"' in page
    assert '<span class="badge badge-ok status-in_contract">En contrat</span>' in page
    assert f'hx-get="{reverse("dashboards:person_card", args=[followed.public_id])}"' in page

    # The request's own 5, the pathway, the access check's membership, one query for every figure, then the
    # access log's row of this read (the chain's head, the entry; decision 0004).
    with django_assert_num_queries(5 + 3 + 3):
        card = client.get(reverse("dashboards:person_card", args=[followed.public_id])).content.decode()
    assert "Claire Martin" in card
    planned = timezone.localtime(followed.interviews.get().planned_at)
    assert planned.strftime("%d/%m/%Y %H:%M") in card
    assert "1 alerte" in card and "1 action du plan est en retard" in card


def test_the_person_card_keeps_the_alerts_from_a_supervisor(client, member, followed):
    supervisor = member(Role.SUPERVISOR)
    followed.supervisor = supervisor
    followed.save()
    client.force_login(supervisor)

    card = client.get(reverse("dashboards:person_card", args=[followed.public_id])).content.decode()

    assert "Claire Martin" in card
    assert "Alertes" not in card


def test_the_bell_counts_the_members_unread_notifications(client, structure, member):
    from tremplin.notifications.factories import NotificationFactory

    counsellor = member(Role.COUNSELLOR)
    NotificationFactory.create_batch(2, recipient=counsellor, structure=structure)
    NotificationFactory(recipient=counsellor, structure=structure, read_at=timezone.now())
    client.force_login(counsellor)

    page = client.get(reverse("dashboards:home")).content.decode()
    assert f'href="{reverse("notifications:centre")}"' in page
    assert '<span class="nav-count" id="nav-count-notifications" hidden></span>' in page
    html = client.get(reverse("dashboards:menu_counts")).content.decode()
    assert '<span class="nav-count" id="nav-count-notifications" hx-swap-oob="true">' in html
    assert '2<span class="visually-hidden"> non lues</span>' in html
    assert '2<span class="visually-hidden"> éléments en attente</span>' in html  # on the phone's Menu button
