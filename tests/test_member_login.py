"""Members sign in on the site's own page with their e-mail address, and reset a forgotten password by mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cluster_pages.membership import cluster_workspace_ensure

from .factories import ThematicClusterPageFactory, UserFactory

pytestmark = pytest.mark.django_db
LOGIN_URL = "/en/account/login/"


@pytest.fixture
def member(password):
    """A member as activation makes them: the username is the address they applied with."""
    return UserFactory(username="Kim.Min-ji@Seoul.example.org", email="Kim.Min-ji@Seoul.example.org")


@pytest.fixture
def workspace(site_tree, member):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", slug="smart-mobility")
    space = cluster_workspace_ensure(cluster=cluster)
    member.groups.add(space.group)
    return space.page


def sign_in(client, username, password, next_url=""):
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": next_url})


def test_a_members_only_page_sends_visitors_to_the_sites_login_page(client, workspace):
    response = client.get(workspace.url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next={workspace.url}"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the site's layout
    assert '<label for="id_username">E-mail address</label>' in html
    assert "Username" not in html
    assert f'href="{reverse("member_password_reset")}"' in html


def test_wagtails_bare_login_address_forwards_to_the_sites_page(client):
    response = client.get("/_util/login/?next=/en/clusters/smart-mobility/members/")

    assert response.status_code == 301
    assert response["Location"] == f"{LOGIN_URL}?next=/en/clusters/smart-mobility/members/"


def test_a_member_signs_in_with_their_email_address_in_any_letter_case_and_reaches_the_workspace(
    client, workspace, password
):
    response = sign_in(client, "  kim.min-ji@seoul.EXAMPLE.org", password, next_url=workspace.url)

    assert response.status_code == 302
    assert response["Location"] == workspace.url
    assert client.get(workspace.url).status_code == 200


def test_a_wrong_password_is_refused_with_a_message_that_says_what_to_do(client, member):
    response = sign_in(client, member.email, "not the password")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "The e-mail address or the password is not right" in html
    assert "_auth_user_id" not in client.session


def test_an_unknown_address_is_refused_like_a_wrong_password(client, member, password):
    response = sign_in(client, "nobody@example.org", password)

    assert "The e-mail address or the password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_still_sign_in_with_their_username(client, password):
    staff = UserFactory(username="editor", email="editor@example.org", is_staff=True)

    sign_in(client, "editor", password)

    assert client.session["_auth_user_id"] == str(staff.pk)


def test_a_signed_in_member_of_another_cluster_is_told_why_the_page_is_closed(client, site_tree, workspace, password):
    other = ThematicClusterPageFactory(parent=site_tree.clusters, title="Water", slug="water")
    closed = cluster_workspace_ensure(cluster=other).page
    member = get_user_model().objects.get(username__startswith="Kim")
    client.force_login(member)

    response = client.get(closed.url, follow=True)

    assert response.redirect_chain[0][0].startswith(LOGIN_URL)
    assert "it is for the members of another cluster" in response.content.decode()
    assert PageViewRestriction.objects.filter(page=closed).exists()


def reset_link(message) -> str:
    return re.search(r"https?://\S+/account/set-password/\S+/", message.body).group(0)


def test_the_password_reset_mail_opens_the_set_password_page_and_the_new_password_works(client, member, workspace):
    response = client.post(reverse("member_password_reset"), {"email": "KIM.MIN-JI@seoul.example.org"})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200  # "Check your e-mail"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    link = reset_link(message)
    assert link.startswith("http://localhost/en/account/set-password/")  # the Site's public address

    form_page = client.get(link.removeprefix("http://localhost"), follow=True)
    html = form_page.content.decode()
    assert "Set your password" in html and member.username in html
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.removeprefix("http://localhost"),
        {"new_password1": "a brand new passphrase 42", "new_password2": "a brand new passphrase 42"},
    )

    client.logout()
    assert sign_in(client, member.email, "a brand new passphrase 42", next_url=workspace.url)["Location"] == (
        workspace.url
    )
    assert client.get(workspace.url).status_code == 200


def test_a_member_who_never_set_a_password_may_ask_for_a_link_to_set_one(client, site_tree):
    invited = UserFactory(username="new@city.example.org", email="new@city.example.org")
    invited.set_unusable_password()
    invited.save()

    client.post(reverse("member_password_reset"), {"email": "new@city.example.org"})

    assert len(mail.outbox) == 1 and "/en/account/set-password/" in mail.outbox[0].body


def test_no_mail_goes_to_an_unknown_or_disabled_account_and_the_page_does_not_tell(client, site_tree):
    UserFactory(username="gone@city.example.org", email="gone@city.example.org", is_active=False)

    for address in ("gone@city.example.org", "nobody@city.example.org"):
        response = client.post(reverse("member_password_reset"), {"email": address})
        assert response.status_code == 302 and response["Location"] == reverse("member_password_reset_done")

    assert mail.outbox == []
