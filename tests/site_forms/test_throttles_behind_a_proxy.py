"""Behind a proxy that appends to X-Forwarded-For, a visitor who writes their own first value still meets every
throttle, and no header (or a strange one) is ever a server error."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.api.conftest import Api, submit_city  # noqa: F401 - fixture
from tests.conftest import PROXY

pytestmark = pytest.mark.django_db

ATTACKER = "198.51.100.61"


def through_proxy(attempt: int, client_class=Client):
    """A client whose request reaches us through the proxy, with a first value it changes every time."""
    return client_class(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt % 250}, {ATTACKER}")


def test_a_rotating_first_value_does_not_escape_the_wrong_status_link_limit(deployed_behind_one_proxy, forms):
    deployed_behind_one_proxy.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    answers = [through_proxy(attempt).get(f"/en/applications/status/wrong-{attempt}/") for attempt in range(6)]

    assert [response.status_code for response in answers] == [404, 404, 404, 429, 429, 429]


def test_a_rotating_first_value_does_not_escape_the_wrong_status_token_limit_of_the_api(
    deployed_behind_one_proxy,
    forms,
    submit_city,  # noqa: F811
):
    deployed_behind_one_proxy.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, token = submit_city()
    for attempt in range(3):
        through_proxy(attempt, Api).get(f"applications/status/wrong-{attempt}/")

    assert through_proxy(7, Api).get(f"applications/status/{token}/").status_code == 429
    other_visitor = Api(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert other_visitor.get(f"applications/status/{token}/").status_code == 200


def test_a_rotating_first_value_does_not_escape_the_lost_link_limit(deployed_behind_one_proxy, forms):
    deployed_behind_one_proxy.WORKFLOW_FORMS_RATE_LIMIT = "3/h"
    codes = [
        through_proxy(attempt).post("/en/applications/lost-link/", {"email": "a@example.org"}).status_code
        for attempt in range(5)
    ]

    assert codes == [200, 200, 200, 429, 429]


def test_a_rotating_first_value_does_not_escape_the_admin_login_lockout(deployed_behind_one_proxy, superuser):
    deployed_behind_one_proxy.AXES_ENABLED = True
    for attempt in range(12):
        through_proxy(attempt).post("/admin/login/", {"username": "admin", "password": "wrong"})

    assert AccessAttempt.objects.get().ip_address == ATTACKER
    assert through_proxy(99).post("/admin/login/", {"username": "admin", "password": "wrong"}).status_code == 429


@pytest.mark.parametrize(
    "header",
    [None, "", f"{ATTACKER}, {PROXY}", "not an address", "1.1.1.1,,", "9" * 2000],
    ids=["missing", "empty", "two-values", "garbage", "trailing-commas", "long"],
)
def test_lost_link_and_status_pages_answer_whatever_the_header(deployed_behind_one_proxy, forms, header):
    extra = {"REMOTE_ADDR": PROXY} | ({"HTTP_X_FORWARDED_FOR": header} if header is not None else {})
    client = Client(**extra)

    assert client.post("/en/applications/lost-link/", {"email": "a@example.org"}).status_code == 200
    assert client.get("/en/applications/status/no-such-token/").status_code == 404
    assert Api(**extra).get("applications/status/no-such-token/").status_code == 404
