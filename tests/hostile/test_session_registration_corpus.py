"""The hostile corpus sent to a session's registration form and to the API's register operation: never a server
error; refused (4xx, nothing stored), or stored exactly and shown escaped."""

import pytest

from cluster_pages.models import EventRegistration
from tests.meetings import conftest as meetings
from tests.meetings.conftest import person, register_url

from .corpus import JSON_ONLY_TEXTS, MALFORMED_ADDRESSES, TEXTS, XSS

pytestmark = pytest.mark.django_db
summit = meetings.summit  # the meetings' fixture: an upcoming event with a 3-place session

TEXT_FIELDS = ("applicant_name", "organisation", "role", "city", "accessibility_needs")


def assert_refused_or_stored_exactly(text: str) -> str:
    rows = list(EventRegistration.objects.all())
    if not rows:
        return "refused"
    [row] = rows
    assert {name: getattr(row, name) for name in TEXT_FIELDS} == dict.fromkeys(TEXT_FIELDS, text.strip())
    return "stored"


@pytest.mark.parametrize(("text", "outcome"), TEXTS)
def test_every_text_field_of_the_form_refuses_or_keeps_hostile_text_exactly(client, summit, text, outcome):
    response = client.post(register_url(summit.page, summit.small), person(**dict.fromkeys(TEXT_FIELDS, text)))

    assert response.status_code < 500
    assert assert_refused_or_stored_exactly(text) == outcome
    if outcome == "refused":  # the form's 422, or Django's 400 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE
        assert response.status_code in (400, 422)


@pytest.mark.parametrize(("text", "outcome"), TEXTS)
def test_the_api_refuses_or_keeps_hostile_text_exactly(client, summit, text, outcome):
    body = {**person(**dict.fromkeys(TEXT_FIELDS, text)), "consent_privacy": True}

    response = client.post(
        f"/api/v3/event-sessions/{summit.small.pk}/registrations/", body, content_type="application/json"
    )

    assert response.status_code < 500
    assert assert_refused_or_stored_exactly(text) == outcome


@pytest.mark.parametrize("text", JSON_ONLY_TEXTS)
def test_the_api_refuses_text_no_database_can_store(client, summit, text):
    body = {**person(applicant_name=text), "consent_privacy": True}

    response = client.post(
        f"/api/v3/event-sessions/{summit.small.pk}/registrations/", body, content_type="application/json"
    )

    assert response.status_code in (400, 422)
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize("address", MALFORMED_ADDRESSES)
def test_a_malformed_address_is_refused(client, summit, address):
    response = client.post(register_url(summit.page, summit.small), person(applicant_email=address))

    assert response.status_code == 422
    assert 'id="id_applicant_email_error"' in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_stored_markup_is_shown_escaped_to_staff(admin_client, client, summit):
    client.post(register_url(summit.page, summit.small), person(applicant_name=XSS))

    page = admin_client.get("/admin/applications/event-registrations/").content.decode()

    assert XSS not in page
    assert "&lt;script&gt;" in page


OUT_OF_RANGE_IDS = ("0", "2147483648", "9223372036854775808", "95643183804812137332736")


@pytest.mark.parametrize("number", OUT_OF_RANGE_IDS)
def test_an_id_no_database_holds_is_no_session_on_the_page_nor_in_the_api(client, summit, number):
    """Found by the API fuzzer: a 23-digit event id answered 500 ("Python int too large to convert to SQLite
    INTEGER"). Every such id is refused as invalid (API) or is no session (the page), never a server error."""
    page = client.get(f"/en/events/summit/sessions/{number}/register/")
    listing = client.get(f"/api/v3/event-sessions/?event={number}")
    registering = client.post(
        f"/api/v3/event-sessions/{number}/registrations/",
        {**person(), "consent_privacy": True},
        content_type="application/json",
    )

    assert page.status_code == 404
    assert listing.status_code == 422 and listing["Content-Type"] == "application/problem+json"
    assert registering.status_code in (404, 422)
    assert not EventRegistration.objects.exists()
