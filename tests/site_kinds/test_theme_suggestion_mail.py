"""The visitor who suggested a theme hears of the decision by e-mail, with the coordinators' message and never
the internal note; nobody else is mailed."""

import pytest
from django.core import mail

from cluster_pages.models import ThemeSuggestion
from cluster_pages.services import theme_suggestion_decide

from ..site_forms.support import theme_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion(client, forms):
    client.post("/en/join/suggest-a-theme/", theme_data())
    mail.outbox.clear()  # the confirmation and the staff alert are another module's concern
    return ThemeSuggestion.objects.get()


@pytest.fixture
def decide(django_capture_on_commit_callbacks):
    """Decide as the admin does, and run what waits for the commit (the outbox's send task)."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return theme_suggestion_decide(**kwargs)

    return run


def only_mail():
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    return mail.outbox[0]


def test_an_accepted_suggestion_is_announced_to_the_visitor(suggestion, coordinator, decide):
    decide(suggestion=suggestion, user=coordinator, accept=True, note="INTERNAL: budget ok", message="Welcome aboard.")

    message = only_mail()
    assert message.to == ["sam@university.example"]
    assert message.subject == f"Your theme suggestion {suggestion.reference} was accepted"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Dear Sam Lee" in body
        assert "A new cluster on this theme is being prepared" in body
        assert "Welcome aboard." in body
        assert "INTERNAL" not in body
        assert "/en/applications/lost-link/" in body, "no status token in later mails: the lost-link page instead"
        assert "Follow your theme suggestion with the private status link" in body
    assert "Message from the coordinators" in html


def test_a_declined_suggestion_is_explained_to_the_visitor(suggestion, coordinator, decide):
    decide(
        suggestion=suggestion,
        user=coordinator,
        accept=False,
        note="INTERNAL: overlaps",
        message="Drone deliveries belong to Smart Mobility.",
    )

    message = only_mail()
    assert message.to == ["sam@university.example"]
    assert message.subject == f"Decision on your theme suggestion {suggestion.reference}"
    assert "decided not to start a cluster on this theme for now" in message.body
    assert "Drone deliveries belong to Smart Mobility." in message.body
    assert "INTERNAL" not in message.body + message.alternatives[0][0]


def test_a_decline_without_a_message_still_tells_the_decision(suggestion, coordinator, decide):
    decide(suggestion=suggestion, user=coordinator, accept=False, note="Covered elsewhere")

    message = only_mail()
    assert "decided not to start a cluster" in message.body
    assert "Message from the coordinators" not in message.body
