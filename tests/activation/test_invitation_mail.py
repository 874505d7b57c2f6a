"""The new member's invitation goes through the outbox and carries a set-password link that works."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from cluster_pages.models import ClusterWorkspacePage
from workflows.models import Notification, NotificationState

from .conftest import city_application

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "Lantern-orchard-47"


def invitation():
    messages = [message for message in mail.outbox if "members' workspace" in message.subject]
    assert len(messages) == 1, [message.subject for message in mail.outbox]
    return messages[0]


def test_activation_queues_the_invitation_in_the_outbox_and_sends_it(clusters, activate):
    application = activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)

    notification = Notification.objects.get(template="member_invitation")
    assert notification.recipient_email == "kim@seoul.example.org"
    assert notification.state == NotificationState.SENT
    assert notification.submission.pk == application.pk
    message = invitation()
    assert message.to == ["kim@seoul.example.org"]
    assert message.subject == "Your access to the Smart Mobility members' workspace"
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()
    assert workspace.full_url in message.body
    assert "kim@seoul.example.org" in message.body  # the user name


def test_the_set_password_link_lets_the_member_set_a_password_and_sign_in(client, clusters, activate):
    activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    link = re.search(r"https?://[^/\s]+(/en/account/set-password/[^\s]+/)", invitation().body).group(1)
    html_links = re.findall(r'href="https?://[^/"]+(/en/account/set-password/[^"]+)"', invitation().alternatives[0][0])
    assert html_links == [link]

    # Django's confirm view swaps the token for a session marker and redirects to the form.
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    assert response.status_code == 200
    assert b"Your password is set" in response.content

    client.logout()
    response = client.post("/en/account/login/", {"username": "kim@seoul.example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()
    assert client.get(workspace.url).status_code == 200


def test_the_link_works_only_once(client, clusters, activate):
    activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    link = re.search(r"https?://[^/\s]+(/en/account/set-password/[^\s]+/)", invitation().body).group(1)
    response = client.get(link, follow=True)
    client.post(response.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()

    response = client.get(link, follow=True)

    assert response.context["validlink"] is False
    assert b"no longer valid" in response.content


def test_a_tampered_link_is_refused(client, clusters, activate):
    activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    link = re.search(r"https?://[^/\s]+(/en/account/set-password/[^\s]+/)", invitation().body).group(1)

    response = client.get(link[:-3] + "zz/", follow=True)

    assert response.context["validlink"] is False
    assert not User.objects.get(email="kim@seoul.example.org").has_usable_password()
