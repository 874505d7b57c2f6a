"""The inspect page speaks in words: log labels, state badges, mail subjects, "Yes"/"No", no empty brackets."""

import re

import pytest

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def changed(make_city_application, reviewer, move):
    application = make_city_application(
        name="Tom Berg", organisation="", answers={"open_data": {"label": "Open data?", "value": True}}
    )
    return move(application, "request_changes", reviewer, message="Add a budget.")


def timeline_changes(html):
    cells = re.findall(r"<td data-timeline-change>(.*?)</td>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_the_timeline_shows_the_log_label_and_the_state_badges(client, reviewer, changed, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.inspect(changed)).content.decode()
    assert timeline_changes(html) == ["Changes requested from the applicant Submitted → Changes requested"]
    assert "request_changes" not in html.split('id="workflow-timeline-heading"')[1].split("</section>")[0]
    assert 'class="workflow-state workflow-state--waiting" data-state="changes_requested"' in html


def test_the_status_badge_has_the_listings_colour(client, reviewer, changed, city_urls):
    client.force_login(reviewer)
    listing = client.get(city_urls.index()).content.decode()
    inspect = client.get(city_urls.inspect(changed)).content.decode()
    badge = re.search(r'<span class="workflow-state [^"]+" data-state="changes_requested">', listing).group(0)
    status = inspect.split('id="workflow-status-heading"')[1].split("</section>")[0]
    assert badge in status


def test_notifications_are_named_by_their_subject_not_their_template(client, reviewer, changed, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.inspect(changed)).content.decode()
    notifications = " ".join(re.findall(r"<li data-notification>(.*?)</li>", html, re.S))
    assert f"{changed.reference}" in notifications
    assert "applicant_changes_requested" not in notifications


def test_yes_no_answers_read_as_words(client, reviewer, changed, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.inspect(changed)).content.decode()
    answers = html.split('id="workflow-answers-heading"')[1].split("</section>")[0]
    assert ">True<" not in answers.replace(" ", "").replace("\n", "")
    assert len(re.findall(r"<dd>\s*Yes\s*</dd>", answers)) == 2  # the privacy consent and the extra question


def test_an_applicant_without_an_organisation_has_no_empty_brackets(client, reviewer, changed, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.index()).content.decode()
    assert "Tom Berg" in html and "Tom Berg ()" not in html
