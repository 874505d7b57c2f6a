"""Activation puts the applicant in the cluster's members group, whose members alone see the workspace;
ending takes them out again (the account stays)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from cluster_pages.membership import cluster_workspace_ensure
from cluster_pages.models import ClusterWorkspacePage
from tests.factories import UserFactory

from .conftest import city_application, company_registration

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_workspace_is_a_child_page_restricted_to_the_clusters_members_group(clusters):
    workspace = cluster_workspace_ensure(cluster=clusters.mobility)

    assert workspace.page.get_parent().pk == clusters.mobility.pk
    assert workspace.group.name == "Members: Smart Mobility"
    clusters.mobility.refresh_from_db()
    assert clusters.mobility.members_group == workspace.group
    restriction = PageViewRestriction.objects.get(page=workspace.page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [workspace.group]


def test_ensuring_the_workspace_twice_changes_nothing(clusters):
    first = cluster_workspace_ensure(cluster=clusters.mobility)
    second = cluster_workspace_ensure(cluster=clusters.mobility)

    assert (first.group, first.page.pk) == (second.group, second.page.pk)
    assert ClusterWorkspacePage.objects.child_of(clusters.mobility).count() == 1
    assert PageViewRestriction.objects.filter(page=first.page).count() == 1


def test_activation_creates_an_account_with_an_unusable_password_in_the_members_group(clusters, activate):
    activate(city_application(city="Seoul", email="Mayor@Seoul.example.org", name="Kim Min-ji"), clusters.mobility)

    user = User.objects.get(email__iexact="mayor@seoul.example.org")
    assert user.username == "Mayor@Seoul.example.org"
    assert (user.first_name, user.last_name) == ("Kim", "Min-ji")
    assert not user.has_usable_password()
    clusters.mobility.refresh_from_db()
    assert user.groups.filter(pk=clusters.mobility.members_group_id).exists()


def test_activation_reuses_an_existing_account_for_the_same_address(clusters, activate):
    existing = UserFactory(username="kim", email="kim@seoul.example.org")

    activate(city_application(city="Seoul", email="KIM@seoul.example.org"), clusters.mobility)

    assert User.objects.filter(email__iexact="kim@seoul.example.org").count() == 1
    existing.refresh_from_db()
    assert existing.has_usable_password()  # their password is left alone
    assert existing.groups.filter(name="Members: Smart Mobility").exists()


def test_a_member_sees_the_workspace_with_the_discussion_link(client, clusters, activate, password):
    activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    member = User.objects.get(email="kim@seoul.example.org")
    member.set_password(password)
    member.save()
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()

    client.force_login(member)
    response = client.get(workspace.url)

    assert response.status_code == 200
    assert b'href="https://forum.example.org/smart-mobility"' in response.content


def test_the_cluster_page_links_to_the_workspace_but_not_to_the_discussion_space(client, clusters, activate):
    activate(city_application(city="Seoul"), clusters.mobility)
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()

    content = client.get(clusters.mobility.url).content.decode()

    assert f'href="{workspace.url}"' in content
    assert "https://forum.example.org/smart-mobility" not in content


@pytest.mark.parametrize("who", ["anonymous", "staff without membership", "member of another cluster"])
def test_a_non_member_is_sent_to_the_login_page(client, clusters, activate, coordinator, who):
    activate(city_application(city="Seoul"), clusters.mobility)
    activate(city_application(city="Lima", email="lima@cities.example.org"), clusters.water)
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()
    if who == "staff without membership":
        client.force_login(coordinator)
    elif who == "member of another cluster":
        client.force_login(User.objects.get(email="lima@cities.example.org"))

    response = client.get(workspace.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")
    assert "forum.example.org" not in response.content.decode()


def test_an_ended_member_loses_access_but_keeps_the_account(client, clusters, activate, end):
    application = activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    member = User.objects.get(email="kim@seoul.example.org")
    workspace = ClusterWorkspacePage.objects.child_of(clusters.mobility).get()
    client.force_login(member)
    assert client.get(workspace.url).status_code == 200

    end(application)

    assert User.objects.filter(pk=member.pk).exists()
    assert not member.groups.filter(name="Members: Smart Mobility").exists()
    assert client.get(workspace.url).status_code == 302


def test_ending_one_of_two_active_projects_keeps_the_member_in(clusters, activate, end):
    first = activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility)
    activate(city_application(city="Seoul", email="kim@seoul.example.org", project_title="Bikes"), clusters.mobility)

    end(first)

    assert User.objects.get(email="kim@seoul.example.org").groups.filter(name="Members: Smart Mobility").exists()


def test_a_former_member_activated_again_rejoins(client, clusters, activate, end):
    end(activate(city_application(city="Seoul", email="kim@seoul.example.org"), clusters.mobility))
    member = User.objects.get(email="kim@seoul.example.org")
    assert not member.groups.filter(name="Members: Smart Mobility").exists()

    activate(city_application(city="Seoul", email="kim@seoul.example.org", project_title="Again"), clusters.mobility)

    assert User.objects.filter(email__iexact="kim@seoul.example.org").count() == 1
    assert member.groups.filter(name="Members: Smart Mobility").exists()


def test_a_company_contact_becomes_a_member_of_the_workspace_too(clusters, activate):
    activate(company_registration(name="Urban Sensors GmbH", email="anna@urban.example.org"), clusters.mobility)

    assert User.objects.get(email="anna@urban.example.org").groups.filter(name="Members: Smart Mobility").exists()


def test_a_failing_side_effect_rolls_the_whole_activation_back(clusters, activate, run, coordinator, monkeypatch):
    from cluster_pages.membership import services

    application = city_application(city="Seoul", email="kim@seoul.example.org")
    application = run(application=application, name="review", user=coordinator)
    application = run(application=application, name="assign", user=coordinator, target=clusters.mobility)

    def broken(**kwargs):
        raise RuntimeError("mail outbox unavailable")

    monkeypatch.setattr(services, "member_invitation_queue", broken)
    with pytest.raises(RuntimeError):
        run(application=application, name="activate", user=coordinator)

    application.refresh_from_db()
    assert application.state == "assigned"
    assert not User.objects.filter(email="kim@seoul.example.org").exists()
