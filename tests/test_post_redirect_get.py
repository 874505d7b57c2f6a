"""A valid POST answers 303 to the thank-you page, which shows the reference, and the status link only to the
browser that submitted; every guarantee of the POST (one row, its log and mail, the duplicate guard) holds."""

import datetime
import re

import pytest
import time_machine
from django.test import Client

from cluster_pages.models import CityApplication
from workflows.models import Notification, TransitionLog
from workflows.stepped_form import draft_cookie_name

from .site_forms import support
from .site_forms.support import city_data, forms  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
private_media = support.private_media

STATUS_LINK = re.compile(r'href="http://testserver(/en/applications/status/[\w-]+/)"')


@pytest.fixture(autouse=True)
def redirect_after_submission(settings):
    settings.WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION = True


def test_a_valid_post_answers_303_to_the_thank_you_page_with_reference_and_status_link(
    client,
    forms,  # noqa: F811 - fixture
    coordinator,
):
    response = client.post(forms.city.url, city_data(forms))

    assert response.status_code == 303
    assert response.headers["Location"].startswith(f"{forms.city.url}?submitted=")
    assert "no-store" in response.headers["Cache-Control"]
    application = CityApplication.objects.get()
    assert TransitionLog.objects.filter(object_id=application.pk).count() == 1
    assert Notification.objects.filter(object_id=application.pk, to_applicant=True).count() == 1  # the outbox

    thank_you = client.get(response.headers["Location"])

    html = thank_you.content.decode()
    assert thank_you.status_code == 200
    assert application.reference in html
    status_path = STATUS_LINK.search(html)[1]
    assert client.get(status_path).status_code == 200
    assert "no-store" in thank_you.headers["Cache-Control"] and "X-Page-Cache" not in thank_you.headers
    assert 'name="csrfmiddlewaretoken"' not in html  # the thank-you page, not the form


def test_another_browser_with_the_address_sees_the_reference_but_never_the_status_link(
    client,
    forms,  # noqa: F811 - fixture
):
    location = client.post(forms.city.url, city_data(forms)).headers["Location"]

    html = Client().get(location).content.decode()

    assert CityApplication.objects.get().reference in html
    assert STATUS_LINK.search(html) is None
    assert "confirmation e-mail" in html


def test_reloading_the_thank_you_page_posts_nothing_again(client, forms):  # noqa: F811 - fixture
    location = client.post(forms.city.url, city_data(forms)).headers["Location"]

    for _ in range(3):
        assert client.get(location).status_code == 200

    assert CityApplication.objects.count() == 1


def test_the_same_answers_again_redirect_to_the_first_submission_with_the_same_link(
    client,
    forms,  # noqa: F811 - fixture
):
    first = client.get(client.post(forms.city.url, city_data(forms)).headers["Location"]).content.decode()

    again = client.post(forms.city.url, city_data(forms))
    html = client.get(again.headers["Location"]).content.decode()

    assert again.status_code == 303 and CityApplication.objects.count() == 1
    assert "We had already received this submission" in html
    assert STATUS_LINK.search(html)[1] == STATUS_LINK.search(first)[1]


def test_an_altered_or_old_thank_you_address_shows_the_blank_form(client, forms):  # noqa: F811 - fixture
    location = client.post(forms.city.url, city_data(forms)).headers["Location"]
    reference = CityApplication.objects.get().reference

    altered = client.get(location[:-2] + ("AA" if not location.endswith("AA") else "BB"))
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=11)):
        old = client.get(location)

    for response in (altered, old):
        html = response.content.decode()
        assert response.status_code == 200 and reference not in html
        assert 'name="csrfmiddlewaretoken"' in html


def test_a_thank_you_address_of_another_form_shows_nothing_of_it(client, forms):  # noqa: F811 - fixture
    location = client.post(forms.city.url, city_data(forms)).headers["Location"]
    query = location.split("?", 1)[1]

    html = client.get(f"{forms.company.url}?{query}").content.decode()

    assert CityApplication.objects.get().reference not in html


def test_an_invalid_post_still_answers_the_form_with_its_problems(client, forms):  # noqa: F811 - fixture
    response = client.post(forms.city.url, city_data(forms, city=""))

    assert response.status_code == 200 and CityApplication.objects.count() == 0


@pytest.mark.parametrize("value", ["", "x" * 5000, "<script>alert(1)</script>", "1:2:3", "W1sxLCBmYWxzZV1d", "\x00"])
def test_a_made_up_thank_you_address_shows_the_blank_form(client, forms, value):  # noqa: F811 - fixture
    response = client.get(forms.city.url, {"submitted": value})

    assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_form_in_steps_posted_whole_lands_on_its_thank_you_page(client, forms):  # noqa: F811 - fixture
    """A script (or a page from before the steps) may post the whole form at once: it is stored as any other, and
    the 303 leads to the thank-you page, not back to the form's first step."""
    from cluster_pages.models import CityApplicationFormField

    CityApplicationFormField.objects.create(
        page=forms.city, label="About you", field_type="step", choices="Contact person", required=False, sort_order=-2
    )
    CityApplicationFormField.objects.create(
        page=forms.city, label="Your project", field_type="step", required=False, sort_order=-1
    )

    response = client.post(forms.city.url, city_data(forms))

    assert response.status_code == 303
    thank_you = client.get(response.headers["Location"])
    assert CityApplication.objects.get().reference in thank_you.content.decode()


def test_send_on_the_summary_of_a_form_in_steps_answers_303_to_the_thank_you_page(client, forms):  # noqa: F811
    """Send is the form's valid POST too: the same 303, the same thank-you page with the status link, and the
    draft's cookie goes."""
    from cluster_pages.models import CityApplicationFormField

    CityApplicationFormField.objects.create(
        page=forms.city, label="About you", field_type="step", choices="Contact person", required=False, sort_order=-2
    )
    CityApplicationFormField.objects.create(
        page=forms.city, label="Your project", field_type="step", required=False, sort_order=-1
    )
    data = city_data(forms)
    for step in (0, 1):
        answer = client.post(forms.city.url, {**data, "wf_step": str(step), "wf_action": "next"})
        assert answer.status_code == 303, step

    response = client.post(forms.city.url, {"wf_step": "2", "wf_action": "send"})

    assert response.status_code == 303
    assert response.headers["Location"].startswith(f"{forms.city.url}?submitted=")
    draft_cookie = response.cookies[draft_cookie_name(forms.city)]  # the draft's cookie goes with the answer
    assert draft_cookie.value == "" and draft_cookie["max-age"] == 0
    thank_you = client.get(response.headers["Location"])
    html = thank_you.content.decode()
    assert CityApplication.objects.get().reference in html
    assert client.get(STATUS_LINK.search(html)[1]).status_code == 200
