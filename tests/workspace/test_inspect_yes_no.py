"""Staff read yes/no answers as "Yes" and "No" in the inspect view, never Python's True and False."""

import re

import pytest

pytestmark = pytest.mark.django_db


def answer_after(html, label):
    match = re.search(rf"<dt[^>]*>\s*{re.escape(label)}\s*</dt>\s*<dd>(.*?)</dd>", html, re.S | re.I)
    assert match, f"no answer labelled {label!r}"
    return match.group(1).strip()


def test_a_ticked_and_an_unticked_core_box_read_yes_and_no(client, reviewer, make_city_application, city_urls):
    application = make_city_application(consent_public_listing=False)
    client.force_login(reviewer)

    html = client.get(city_urls.inspect(application)).content.decode()

    assert answer_after(html, "consent to the privacy notice") == "Yes"
    assert answer_after(html, "list my city in the member directory and on its map") == "No"


def test_an_extra_tick_box_question_reads_yes_or_no(client, reviewer, make_city_application, city_urls):
    application = make_city_application(
        answers={
            "has_budget": {"label": "Budget approved", "value": True},
            "has_team": {"label": "Team in place", "value": False},
        }
    )
    client.force_login(reviewer)

    html = client.get(city_urls.inspect(application)).content.decode()

    assert answer_after(html, "Budget approved") == "Yes"
    assert answer_after(html, "Team in place") == "No"
    assert ">True<" not in html and ">False<" not in html
