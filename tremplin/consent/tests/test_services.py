import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.consent import services
from tremplin.consent.factories import ConsentFactory, InformationNoticeFactory
from tremplin.consent.models import ConsentKind, HowInformed, InformationNotice
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def test_withdrawal_is_immediate(person):
    consent = services.give_consent(person, kind=ConsentKind.SHARE_WITH_PRESCRIBER, given_on=TODAY() - 5 * DAY, by=None)
    assert services.has_consent(person, ConsentKind.SHARE_WITH_PRESCRIBER)

    services.withdraw_consent(consent, by=None)

    assert not services.has_consent(person, ConsentKind.SHARE_WITH_PRESCRIBER)
    assert list(services.active_consents(person)) == []


def test_has_consent_is_true_only_between_giving_and_withdrawal(person):
    consent = ConsentFactory(person=person, given_on=TODAY() - 10 * DAY, withdrawn_on=TODAY() - 3 * DAY)
    kind = consent.kind
    assert not services.has_consent(person, kind, on=TODAY() - 11 * DAY)
    assert services.has_consent(person, kind, on=TODAY() - 10 * DAY)
    assert services.has_consent(person, kind, on=TODAY() - 4 * DAY)
    assert not services.has_consent(person, kind, on=TODAY() - 3 * DAY)
    assert not services.has_consent(person, kind)


def test_a_consent_of_one_kind_does_not_allow_another(person):
    ConsentFactory(person=person, kind=ConsentKind.PUBLIC_BADGE)
    assert services.has_consent(person, ConsentKind.PUBLIC_BADGE)
    assert not services.has_consent(person, ConsentKind.SHARE_WITH_PRESCRIBER)


def test_partner_sharing_needs_the_partner_name(person):
    with pytest.raises(ValidationError) as error:
        services.give_consent(person, kind=ConsentKind.SHARE_WITH_PARTNER, given_on=TODAY(), by=None, partner_name="  ")
    assert "partner_name" in error.value.message_dict


def test_partner_consent_is_for_that_partner_only(person):
    services.give_consent(
        person,
        kind=ConsentKind.SHARE_WITH_PARTNER,
        given_on=TODAY(),
        by=None,
        partner_name="Mission locale  de Roubaix",
    )
    assert services.has_consent(person, ConsentKind.SHARE_WITH_PARTNER, partner_name="mission locale de roubaix")
    assert not services.has_consent(person, ConsentKind.SHARE_WITH_PARTNER, partner_name="Pôle emploi")
    assert not services.has_consent(person, ConsentKind.SHARE_WITH_PARTNER)


def test_a_duplicate_of_an_active_consent_is_refused_with_a_message(person):
    services.give_consent(person, kind=ConsentKind.PUBLIC_BADGE, given_on=TODAY(), by=None)
    with pytest.raises(ValidationError) as error:
        services.give_consent(person, kind=ConsentKind.PUBLIC_BADGE, given_on=TODAY(), by=None)
    assert "déjà" in error.value.message_dict["kind"][0]


def test_a_consent_may_be_given_again_after_withdrawal(person):
    consent = services.give_consent(person, kind=ConsentKind.PUBLIC_BADGE, given_on=TODAY(), by=None)
    services.withdraw_consent(consent, by=None)
    services.give_consent(person, kind=ConsentKind.PUBLIC_BADGE, given_on=TODAY(), by=None)
    assert services.has_consent(person, ConsentKind.PUBLIC_BADGE)


def test_two_partners_may_each_have_a_consent(person):
    for name in ("Partenaire A", "Partenaire B"):
        services.give_consent(person, kind=ConsentKind.SHARE_WITH_PARTNER, given_on=TODAY(), by=None, partner_name=name)
    assert services.active_consents(person).count() == 2


def test_dates_in_the_future_are_refused(person):
    with pytest.raises(ValidationError) as error:
        services.give_consent(person, kind=ConsentKind.PUBLIC_BADGE, given_on=TODAY() + DAY, by=None)
    assert "given_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.record_information(person, informed_on=TODAY() + DAY, by=None, how=HowInformed.WRITTEN)
    assert "informed_on" in error.value.message_dict


def test_withdrawing_twice_is_refused(person):
    consent = ConsentFactory(person=person)
    services.withdraw_consent(consent, by=None)
    with pytest.raises(ValidationError):
        services.withdraw_consent(consent, by=None)


def test_recording_information_publishes_the_default_notice_once(person, structure):
    services.record_information(person, informed_on=TODAY(), by=None, how=HowInformed.READ_TOGETHER)
    services.record_information(person, informed_on=TODAY(), by=None, how=HowInformed.WRITTEN)

    notices = InformationNotice.objects.filter(structure=structure)
    assert notices.count() == 1
    assert structure.name in notices.get().text
    assert person.information_records.count() == 2


def test_the_default_notice_says_what_why_who_how_long_rights_and_dpo(structure):
    text = services.default_notice_text(structure)
    for words in (
        "Ce que nous notons",
        "Pourquoi",
        "Qui les voit",
        "Combien de temps",
        "Vos droits",
        "protection des données",
    ):
        assert words in text


def test_reading_the_notice_writes_nothing(structure):
    notice = services.notice_or_default(structure)
    assert notice.pk is None
    assert not InformationNotice.objects.exists()


def test_publishing_a_version_makes_it_the_only_current_one(structure):
    old = InformationNoticeFactory(structure=structure, version="1")
    new = services.publish_notice(structure, version="2", text="Nouveau texte", published_on=TODAY(), by=None)
    old.refresh_from_db()
    assert not old.is_current and new.is_current
    assert services.current_notice(structure) == new


def test_a_version_name_cannot_be_reused(structure):
    InformationNoticeFactory(structure=structure, version="1")
    with pytest.raises(ValidationError) as error:
        services.publish_notice(structure, version="1", text="x", published_on=TODAY(), by=None)
    assert "version" in error.value.message_dict
