"""Templates, placeholders and the values the person reads; mobile numbers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.messaging import texts
from tremplin.messaging.models import Language, Purpose
from tremplin.messaging.phones import to_e164


@pytest.mark.parametrize("language", Language.values)
@pytest.mark.parametrize("purpose", Purpose.values)
def test_every_built_in_template_is_valid(language, purpose):
    texts.check_template(texts.default_template("interview", purpose, language), purpose)
    assert texts.SUBJECTS[language][purpose]


def test_rendering_fills_every_placeholder_and_drops_empty_sentences():
    text = texts.render("Hi {first_name}. {bring}See you {date}.", {"first_name": "Awa", "date": "mardi"})
    assert text == "Hi Awa. See you mardi."


def test_dates_are_written_in_the_persons_language():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 8, 14, 30))
    assert texts.when(moment, "fr") == ("mardi 08/12/2026", "14:30")
    assert texts.when(moment, "nl")[0].startswith("dinsdag")
    assert texts.when(moment, "uk")[0].startswith("mardi")  # no Ukrainian texts yet: French


def test_a_missing_required_variable_is_named():
    with pytest.raises(ValidationError) as error:
        texts.check_template("Rendez-vous le {date}.", Purpose.REMINDER)
    assert any("{time}" in message for message in error.value.message_dict["body"])


def test_the_map_link_is_openstreetmap():
    assert texts.map_url("12 rue de la Paix, 75002 Paris").startswith(
        "https://www.openstreetmap.org/search?query=12%20rue"
    )


@pytest.mark.parametrize(
    ("raw", "country", "e164"),
    [
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("+33 7 81 23 45 67", "FR", "+33781234567"),
        ("0470 12 34 56", "BE", "+32470123456"),
        ("312 345 6789", "IT", "+393123456789"),
        ("", "FR", ""),
    ],
)
def test_mobile_numbers_of_france_belgium_and_italy(raw, country, e164):
    assert to_e164(raw, country) == e164


@pytest.mark.parametrize("raw", ["12345", "06 12", "abc", "+1 202 555 0143"])
def test_bad_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        to_e164(raw, "FR")
