"""The mails of membership are in the recipient's language: the invitation in the applicant's (whoever activates),
the password-reset link in the language the member asked in, the data-export link in the applicant's."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.leadership import cluster_leadership_grant
from cluster_pages.membership import cluster_workspace_ensure
from cluster_pages.models import CityApplication
from tests.factories import UserFactory
from workflows.services import perform_transition
from workflows.services.data_export import applicant_data_export_request

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def mail_to(address: str):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def korean_application(client, forms):
    """A city application sent through the Korean form, into the active cluster (whose workspace has a Korean
    page, as wagtail-localize's synchronisation makes it)."""
    cluster_workspace_ensure(cluster=forms.active_cluster)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    client.post("/ko/join/city/", city_data(forms))
    application = CityApplication.objects.get()
    assert application.language == "ko"
    return application


@pytest.fixture
def spanish_leader(forms):
    leader = UserFactory(username="mobility-leader", groups=["Cluster leaders"])
    cluster_leadership_grant(cluster=forms.active_cluster, user=leader, granted_by=None)
    profile = UserProfile.get_for_user(leader)
    profile.preferred_language = "es"
    profile.save()
    return leader


@pytest.mark.parametrize("acting_language", ["es", "en"])
def test_a_korean_applicant_activated_by_a_leader_working_in_another_language_is_invited_in_korean(
    korean_application, forms, coordinator, spanish_leader, acting_language, django_capture_on_commit_callbacks
):
    application = korean_application
    with translation.override("en"):
        application = perform_transition(application=application, name="review", user=coordinator)
        application = perform_transition(
            application=application, name="assign", user=coordinator, target=forms.active_cluster, note="Fits."
        )
    mail.outbox.clear()

    with translation.override(acting_language), django_capture_on_commit_callbacks(execute=True):
        perform_transition(application=application, name="activate", user=spanish_leader)

    (invitation,) = [message for message in mail_to("minji@seoul.example") if "/set-password/" in message.body]
    assert invitation.extra_headers["Content-Language"] == "ko"
    with translation.override("ko"):
        expected_subject = translation.gettext("Your access to the %(cluster_title)s members' workspace") % {
            "cluster_title": forms.active_cluster.localized.title
        }
    assert invitation.subject == expected_subject
    assert invitation.subject != f"Your access to the {forms.active_cluster.title} members' workspace"
    links = re.findall(r"https?://[^/\s]+(/[^\s]*)", invitation.body)
    own = [link for link in links if "/account/" in link or "/members/" in link]
    assert any(link.startswith("/ko/account/set-password/") for link in own), links
    assert any(link.startswith("/ko/") and "/members/" in link for link in own), "the Korean workspace page"
    assert all(link.startswith("/ko/") for link in own), own
    assert '<html lang="ko">' in invitation.alternatives[0][0]


def test_the_password_reset_mail_is_in_the_language_the_member_asked_in(client, forms):
    member = UserFactory(username="minji@seoul.example", email="minji@seoul.example")

    client.post("/ko/account/password-reset/", {"email": member.email})
    client.post("/fr/account/password-reset/", {"email": member.email})

    korean, french = mail_to(member.email)
    for message, language in ((korean, "ko"), (french, "fr")):
        with translation.override(language):
            subject = translation.gettext("Choose a new password for %(site_name)s") % {
                "site_name": settings.WAGTAIL_SITE_NAME
            }
        assert message.subject == subject
        assert f"/{language}/account/set-password/" in message.body
    assert korean.subject != french.subject


def test_the_data_export_mail_is_in_the_applicants_language_whoever_asks(
    korean_application, forms, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        applicant_data_export_request(submission=korean_application)

    (message,) = mail_to("minji@seoul.example")
    assert message.extra_headers["Content-Language"] == "ko"
    assert '<html lang="ko">' in message.alternatives[0][0]
    assert "/ko/" in message.body


def test_the_applicant_is_told_of_the_assignment_with_the_korean_page_of_the_cluster(
    korean_application, forms, coordinator, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        application = perform_transition(application=korean_application, name="review", user=coordinator)
    mail.outbox.clear()

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        perform_transition(
            application=application, name="assign", user=coordinator, target=forms.active_cluster, note="Fits."
        )

    (message,) = mail_to("minji@seoul.example")
    korean_cluster = forms.active_cluster.get_translation(Locale.objects.get(language_code="ko"))
    assert message.extra_headers["Content-Language"] == "ko"
    assert korean_cluster.full_url in message.body and "/ko/" in korean_cluster.full_url
    assert forms.active_cluster.full_url not in message.body
