"""A server error leaves one structured line on stderr, with the applicant's status token and any password
scrubbed from it."""

import io
import json
import logging

import pytest

from cms.log import SCRUBBED, scrub
from workflows.views import status as status_views

pytestmark = pytest.mark.django_db

TOKEN = "s3cr3t-status-token-4f9a"


@pytest.fixture
def stderr_log():
    """What the root logger's stderr handler writes during the test."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "stderr"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_failing_status_page_logs_one_json_line_without_the_token(client, site_tree, monkeypatch, stderr_log):
    def broken(request, token):
        raise RuntimeError(f"lookup failed for {token!r} at /applications/status/{token}/")

    monkeypatch.setattr(status_views, "submission_for_token", broken)
    client.raise_request_exception = False

    response = client.get(f"/en/applications/status/{TOKEN}/?token={TOKEN}")

    assert response.status_code == 500
    output = stderr_log.getvalue()
    assert TOKEN not in output
    (line,) = output.splitlines()
    event = json.loads(line)
    assert event["level"] == "ERROR" and event["logger"] == "django.request"
    assert event["status_code"] == 500 and event["method"] == "GET"
    assert event["path"] == f"/en/applications/status/{SCRUBBED}/?token={SCRUBBED}"
    assert "RuntimeError" in event["exception"]


def test_passwords_are_scrubbed_from_anything_logged(stderr_log):
    logging.getLogger("cms.test").warning(
        "login failed: %s", {"username": "kim", "password": "hunter22"}, extra={"status_code": 403}
    )
    logging.getLogger("cms.test").warning("POST body password=hunter22&next=/admin/")

    output = stderr_log.getvalue()
    assert "hunter22" not in output
    assert [json.loads(line)["level"] for line in output.splitlines()] == ["WARNING", "WARNING"]


@pytest.mark.parametrize(
    "text",
    [
        f"https://example.org/en/applications/status/{TOKEN}/edit/",
        f"/en/account/set-password/MQ/{TOKEN}/",
        f"/api/v3/applications/?token={TOKEN}",
        f"Authorization: Bearer {TOKEN}",
        f"{{'new_password1': '{TOKEN}'}}",
    ],
)
def test_tokens_and_passwords_are_replaced(text):
    assert TOKEN not in scrub(text) and SCRUBBED in scrub(text)


def test_a_megabyte_of_hostile_text_is_logged_cut_and_still_scrubbed():
    """A request path or message of 1 MB (the hostile-input corpus sends such) is cut to a log-sized line at
    once, and a password in what is kept is still replaced."""
    text = "password=hunter2 " + "a" * 1_000_000
    logged = scrub(text)
    assert len(logged) < 20_100
    assert logged.endswith("…[cut]")
    assert "hunter2" not in logged
