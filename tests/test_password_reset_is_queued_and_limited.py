"""Password reset, staff and members: the request only queues the mail, so a known and an unknown address get
the same answer as fast; one address gets at most 5 mails an hour, and one client at most 20 requests."""

import re

import pytest
from django.core import mail
from django.test import Client

from .factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_RESET = "/admin/password_reset/"
MEMBER_RESET = "/en/account/password-reset/"
RESET_PAGES = pytest.mark.parametrize("url", [STAFF_RESET, MEMBER_RESET], ids=["staff", "member"])


@pytest.fixture
def queued(settings):
    """As in production: tasks wait for the worker instead of running in the request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return settings


@pytest.fixture
def known(db):
    return UserFactory(username="kim", email="kim@seoul.example.org", groups=["Reviewers"])


def ask(url, email, address="198.51.100.7"):
    return Client(REMOTE_ADDR=address).post(url, {"email": email})


@RESET_PAGES
def test_the_request_sends_nothing_itself_and_answers_alike_for_known_and_unknown(queued, known, url):
    for_known = ask(url, known.email)
    for_unknown = ask(url, "nobody@example.org", address="203.0.113.20")

    assert mail.outbox == [], "the mail waits for the worker"
    assert for_known.status_code == for_unknown.status_code == 302
    assert for_known["Location"] == for_unknown["Location"]


@RESET_PAGES
def test_the_worker_sends_the_link_to_a_known_address_only(known, url):
    ask(url, "nobody@example.org")
    ask(url, known.email.upper(), address="203.0.113.20")

    assert [message.to for message in mail.outbox] == [[known.email]]
    link = re.search(r"https?://\S+/(?:confirm|set-password)/\S+/", mail.outbox[0].body).group(0)
    assert Client().get(link, follow=True).status_code == 200


@RESET_PAGES
def test_thirty_requests_for_one_address_send_five_mails(known, url):
    answers = {ask(url, known.email, address=f"198.51.100.{index}")["Location"] for index in range(30)}

    assert len(mail.outbox) == 5
    assert len(answers) == 1, "over the address's limit the answer is the same page"


@RESET_PAGES
def test_a_client_over_its_limit_gets_a_429_page(known, url):
    for index in range(20):
        assert ask(url, f"someone{index}@example.org").status_code == 302

    refused = ask(url, known.email)

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 3600
    assert "Too many password resets" in refused.content.decode()
    assert mail.outbox == []
    assert ask(url, known.email, address="203.0.113.20").status_code == 302, "other clients are not affected"


@RESET_PAGES
def test_a_client_rotating_ipv6_addresses_within_one_64_meets_the_same_limit(known, url):
    for index in range(20):
        assert ask(url, f"someone{index}@example.org", address=f"2001:db8:1:2::{index + 1:x}").status_code == 302

    assert ask(url, known.email, address="2001:db8:1:2:ffff::9").status_code == 429
    assert ask(url, known.email, address="2001:db8:1:3::1").status_code == 302, "the next /64 is another client"
