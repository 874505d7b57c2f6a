"""An event's dates are written as the visitor's language writes them (the house style stays in English)."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from ..factories import EventPageFactory

pytestmark = pytest.mark.django_db


def dates_of(event, language: str) -> str:
    with translation.override(language):
        return " ".join(render_to_string("includes/event_dates.html", {"event": event}).split())


def test_a_range_within_one_month_in_english_and_in_korean(site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start_date=datetime.date(2018, 9, 18), end_date=datetime.date(2018, 9, 19)
    )

    assert ">18</time>–<time" in dates_of(event, "en") and ">19 September 2018</time>" in dates_of(event, "en")
    korean = dates_of(event, "ko")
    assert ">2018년 9월 18일</time>" in korean and ">2018년 9월 19일</time>" in korean


def test_one_day_in_french_and_korean(site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start_date=datetime.date(2027, 3, 17), end_date=datetime.date(2027, 3, 17)
    )

    assert ">17 mars 2027</time>" in dates_of(event, "fr")
    assert ">2027년 3월 17일</time>" in dates_of(event, "ko")
