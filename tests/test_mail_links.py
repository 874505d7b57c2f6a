"""Every link in every mail the site sends is at the public address and opens for the person it is sent to.

Applicants open their links without signing in; staff (reviewers, coordinators, cluster leaders) and invited
members open theirs signed in. The default site stands where the demo loader puts it: at the address of
``WAGTAILADMIN_BASE_URL``.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from cluster_pages.models import CityApplication, ClusterLeadership, ThemeSuggestion
from cluster_pages.services import theme_suggestion_decide
from home.demo.site import public_address
from tests.activation.conftest import city_application
from tests.factories import UserFactory
from tests.site_forms.support import build_forms, city_data, private_media, theme_data  # noqa: F401 - fixture
from workflows.services import perform_transition
from workflows.tokens import token_generate, token_hash

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"']+")
HREF = re.compile(r'href="(https?://[^"]+)"')  # mailto: links are addresses, not pages
FORUM = "https://forum.example.org/smart-mobility"  # the cluster's discussion space: another site's link


@pytest.fixture(autouse=True)
def public_site(site_tree):
    site_tree.site.hostname, site_tree.site.port = public_address()
    site_tree.site.save()
    return site_tree.site


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


@pytest.fixture
def leader(forms):
    user = UserFactory(username="mobility-leader", groups=["Cluster leaders"])
    ClusterLeadership.objects.create(cluster=forms.active_cluster, user=user)
    forms.active_cluster.discussion_url = FORUM
    forms.active_cluster.save_revision().publish()
    return user


@pytest.fixture
def mails(django_capture_on_commit_callbacks):
    """Run ``action`` with what waits for the commit (the outbox's send task); answer the mails it sent."""

    def sent_by(action, *args, **kwargs):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return mail.outbox[before:]

    return sent_by


def assert_links_open(messages, *, expected_templates: int):
    """Each mail's links (text and HTML) are at the public address and answer 200 to their recipient."""
    assert len(messages) >= expected_templates, [message.subject for message in messages]
    for message in messages:
        links = set(LINK.findall(message.body)) | set(HREF.findall(message.alternatives[0][0]))
        own = {link for link in links if link != FORUM}
        assert own, f"“{message.subject}” has links"
        for link in sorted(own):
            assert f"{link}/".startswith(settings.WAGTAILADMIN_BASE_URL + "/"), (message.subject, link)
            path = link.removeprefix(settings.WAGTAILADMIN_BASE_URL) or "/"
            response = client_for(message.to[0]).get(path, follow=True)
            assert response.status_code == 200, (message.subject, message.to, link)
            landed = response.redirect_chain[-1][0] if response.redirect_chain else path
            assert landed == path or not ("login" in landed or landed == "/admin/"), (message.subject, link, landed)


def client_for(address: str) -> Client:
    """The recipient's browser: signed in when the address is an account's (staff, a new member)."""
    client = Client()
    user = get_user_model().objects.filter(email__iexact=address, is_active=True).first()
    if user is not None:
        client.force_login(user)
    return client


def test_the_applicant_and_the_reviewers_open_the_links_of_a_new_submission(forms, reviewer, coordinator, mails):
    sent = mails(Client().post, "/en/join/city/", city_data(forms))

    assert {message.to[0] for message in sent} == {"minji@seoul.example", reviewer.email, coordinator.email}
    assert_links_open(sent, expected_templates=3)


def test_the_staff_alert_links_to_the_page_reviewers_may_open(forms, reviewer, mails):
    sent = mails(Client().post, "/en/join/city/", city_data(forms))

    alert = next(message for message in sent if message.to == [reviewer.email])
    application = CityApplication.objects.get()
    assert f"/{application.pk}/" in alert.body
    assert "/edit/" not in alert.body
    assert_links_open([alert], expected_templates=1)


def test_the_lost_link_mail_opens_the_status_page(forms, mails):
    Client().post("/en/join/city/", city_data(forms))

    sent = mails(Client().post, "/en/applications/lost-link/", {"email": "minji@seoul.example"})

    assert len(sent) == 1
    assert_links_open(sent, expected_templates=1)


def test_the_mails_of_review_changes_and_rejection_open_for_the_applicant(coordinator, forms, mails):
    asked = city_application(city="Athens", email="maria@athens.example")
    refused = city_application(city="Lisbon", email="joao@lisbon.example")

    sent = mails(perform_transition, application=asked, name="request_changes", user=coordinator, message="Budget?")
    sent += mails(perform_transition, application=refused, name="reject", user=coordinator, note="Out of scope.")

    assert_links_open(sent, expected_templates=2)


def test_assignment_activation_and_the_invitation_open_for_applicant_leader_and_new_member(
    coordinator, leader, forms, mails
):
    application = city_application(city="Seoul", email="kim@seoul.example.org")
    mails(perform_transition, application=application, name="review", user=coordinator)

    assigned = mails(
        perform_transition,
        application=CityApplication.objects.get(pk=application.pk),
        name="assign",
        user=coordinator,
        target=forms.active_cluster,
        note="Fits.",
    )
    assert {message.to[0] for message in assigned} == {"kim@seoul.example.org", leader.email}
    assert_links_open(assigned, expected_templates=2)

    activated = mails(
        perform_transition,
        application=CityApplication.objects.get(pk=application.pk),
        name="activate",
        user=coordinator,
    )
    assert len(activated) == 2, "the applicant's news and the member's invitation"
    assert_links_open(activated, expected_templates=2)


def test_the_set_password_link_opens_for_the_new_member_before_they_have_a_password(coordinator, leader, forms, mails):
    application = city_application(city="Seoul", email="kim@seoul.example.org")
    for name, inputs in (("review", {}), ("assign", {"target": forms.active_cluster, "note": "Fits."})):
        application = CityApplication.objects.get(pk=application.pk)
        mails(perform_transition, application=application, name=name, user=coordinator, **inputs)
    application = CityApplication.objects.get(pk=application.pk)
    activated = mails(perform_transition, application=application, name="activate", user=coordinator)

    invitation = next(message for message in activated if "members' workspace" in message.subject)
    link = re.search(r"https?://\S+/account/set-password/\S+/", invitation.body).group(0)
    response = Client().get(link.removeprefix(settings.WAGTAILADMIN_BASE_URL), follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "declined"])
def test_the_theme_suggestion_mails_open_for_the_visitor_and_the_reviewers(forms, coordinator, mails, accept):
    received = mails(Client().post, "/en/join/suggest-a-theme/", theme_data())
    assert_links_open(received, expected_templates=2)

    decided = mails(
        theme_suggestion_decide,
        suggestion=ThemeSuggestion.objects.get(),
        user=coordinator,
        accept=accept,
        note="",
        message="Thanks.",
    )

    assert [message.to for message in decided] == [["sam@university.example"]]
    assert_links_open(decided, expected_templates=1)


def test_the_mails_of_resubmission_withdrawal_reopening_and_ending_open_for_their_recipients(
    coordinator, reviewer, leader, forms, mails
):
    token = token_generate()
    application = city_application(city="Athens", email="maria@athens.example")
    CityApplication.objects.filter(pk=application.pk).update(status_token_hash=token_hash(token))

    def move(name, **inputs):
        current = CityApplication.objects.get(pk=application.pk)
        return mails(perform_transition, application=current, name=name, **inputs)

    move("request_changes", user=coordinator, message="Budget?")
    resubmitted = move("resubmit", applicant_token=token, answers={})
    withdrawn = move("withdraw", applicant_token=token, confirm=True)
    reopened = move("reopen", user=coordinator, note="Asked us to.")
    move("review", user=coordinator)
    move("assign", user=coordinator, target=forms.active_cluster, note="Fits.")
    move("activate", user=coordinator)
    ended = move("end", user=coordinator, note="Left the network.")

    assert reviewer.email in {message.to[0] for message in resubmitted}, "reviewers hear of the resubmission"
    assert_links_open(resubmitted + withdrawn + reopened + ended, expected_templates=5)
