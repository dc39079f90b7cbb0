"""Dates in English read day first, as in the European structures using Tremplin."""

import datetime

from django import forms
from django.template import Context, Template
from django.utils import translation

DAY = datetime.date(2026, 3, 4)


def _render(language: str, template: str) -> str:
    with translation.override(language):
        return Template(template).render(Context({"day": DAY, "at": datetime.datetime(2026, 3, 4, 14, 5)}))


def test_short_dates_put_the_day_first_in_english_as_in_french():
    assert _render("en", '{{ day|date:"SHORT_DATE_FORMAT" }}') == "04/03/2026"
    assert _render("fr", '{{ day|date:"SHORT_DATE_FORMAT" }}') == "04/03/2026"


def test_long_dates_and_times_in_english_are_european():
    assert _render("en", '{{ day|date:"DATE_FORMAT" }}') == "4 March 2026"
    assert _render("en", '{{ at|date:"SHORT_DATETIME_FORMAT" }}') == "04/03/2026 14:05"


def test_a_typed_english_date_is_read_day_first():
    class DayForm(forms.Form):
        day = forms.DateField()

    with translation.override("en"):
        form = DayForm({"day": "04/03/2026"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == DAY
