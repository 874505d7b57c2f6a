"""Who leads a cluster is an access decision: coordinators grant and revoke it in Applications › Cluster
leaders, with an audit trail; editors publishing the cluster page cannot change it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cluster_pages.leadership import GRANT_ACTION, REVOKE_ACTION, cluster_leadership_grant
from cluster_pages.models import CityApplication, ClusterLeadership, ThematicClusterPage
from tests.factories import UserFactory
from workflows.adapters import target_adapter
from workflows.selectors import submissions_visible_to, target_ids_managed_by

from .conftest import city_application

pytestmark = pytest.mark.django_db
INDEX = reverse("cluster_leaders:index")
ADD = reverse("cluster_leaders:add")
REFUSAL = "Sorry, you do not have permission to access this area."


def in_leaders_group(user) -> bool:
    return user.groups.filter(pk=Group.objects.get(name="Cluster leaders").pk).exists()


def publish_form(page, **extra):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "status": page.status,
            "leader": page.leader_id or "",
            "discussion_url": page.discussion_url,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    data.update(extra)
    return data


def test_the_cluster_page_editor_has_no_leader_accounts_field(client, clusters, editor):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[clusters.mobility.pk])).content.decode()

    assert 'name="leader"' in html  # the public profile (a Person) stays on the page
    assert 'name="leader_users"' not in html
    assert "Leader accounts" not in html


def test_an_editor_who_publishes_a_cluster_page_cannot_make_themselves_its_leader(
    client, clusters, editor, mobility_leader
):
    client.force_login(editor)
    page = clusters.mobility

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        publish_form(page, title="Smart Mobility (edited)", leader_users=[str(editor.pk)]),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert ThematicClusterPage.objects.get(pk=page.pk).title == "Smart Mobility (edited)"  # it was published
    assert list(ClusterLeadership.objects.filter(cluster=page).values_list("user__username", flat=True)) == [
        "mobility-leader"
    ]
    assert list(target_adapter(ThematicClusterPage).pages_managed_by(editor)) == []
    assert not in_leaders_group(editor)


@pytest.mark.parametrize("role", ["editor", "reviewer", "mobility_leader"])
def test_only_coordinators_may_open_the_cluster_leaders_screen(client, request, clusters, role):
    client.force_login(request.getfixturevalue(role))

    for url in (INDEX, ADD):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home"), url
        assert REFUSAL in response.content.decode()
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()  # nor in the menu


@pytest.mark.parametrize("role", ["editor", "reviewer", "mobility_leader"])
def test_nobody_but_a_coordinator_may_grant_or_revoke_by_post(client, request, clusters, mobility_leader, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    leadership = ClusterLeadership.objects.get(user=mobility_leader)

    client.post(ADD, {"cluster": clusters.water.pk, "user": user.pk})
    client.post(reverse("cluster_leaders:delete", args=[leadership.pk]))

    assert list(ClusterLeadership.objects.values_list("cluster__slug", "user__username")) == [
        ("smart-mobility", "mobility-leader")
    ]
    assert not PageLogEntry.objects.filter(action__in=[GRANT_ACTION, REVOKE_ACTION], user=user).exists()


def test_a_coordinator_finds_the_screen_in_the_applications_menu(client, coordinator):
    client.force_login(coordinator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert INDEX in html and "Cluster leaders" in html


def test_a_coordinator_grants_then_revokes_leadership_and_the_audit_log_records_both(
    client, clusters, coordinator, superuser, run
):
    expert = UserFactory(username="new-expert", first_name="Ana", last_name="Ruiz", groups=["Editors"])
    mine = run(application=city_application(city="Seoul"), name="review", user=coordinator)
    mine = run(application=mine, name="assign", user=coordinator, target=clusters.water, note="Fits.")
    client.force_login(coordinator)

    granted = client.post(ADD, {"cluster": clusters.water.pk, "user": expert.pk}, follow=True)

    assert "Ana Ruiz leads Water: granted." in granted.content.decode()
    leadership = ClusterLeadership.objects.get(cluster=clusters.water, user=expert)
    assert leadership.granted_by == coordinator
    assert in_leaders_group(expert)
    # Read the account again after each change, as the next request does: a user object keeps the clusters it
    # leads once asked (as Django keeps permissions), for the rest of its request.
    expert = type(expert).objects.get(pk=expert.pk)
    assert list(submissions_visible_to(user=expert, queryset=CityApplication.objects.all())) == [mine]
    grant_entry = PageLogEntry.objects.get(page=clusters.water, action=GRANT_ACTION)
    assert (grant_entry.user, grant_entry.data["username"]) == (coordinator, "new-expert")
    assert "Leadership of this cluster granted to Ana Ruiz (new-expert)" in grant_entry.message

    revoked = client.post(reverse("cluster_leaders:delete", args=[leadership.pk]), follow=True)

    assert "Ana Ruiz leads Water: revoked." in revoked.content.decode()
    assert not ClusterLeadership.objects.filter(user=expert).exists()
    assert not in_leaders_group(expert)
    expert = type(expert).objects.get(pk=expert.pk)
    assert list(submissions_visible_to(user=expert, queryset=CityApplication.objects.all())) == []
    revoke_entry = PageLogEntry.objects.get(page=clusters.water, action=REVOKE_ACTION)
    assert revoke_entry.user == coordinator
    client.force_login(superuser)  # the page's history, where editors and administrators see it
    history = client.get(reverse("wagtailadmin_pages:history", args=[clusters.water.pk])).content.decode()
    assert "Cluster leadership granted" in history and "Cluster leadership revoked" in history


def test_the_same_user_object_follows_a_leadership_the_services_grant_and_revoke(
    clusters, coordinator, mobility_leader
):
    """A user object keeps the clusters it leads once asked (one lookup per request); the services that change
    them make it ask again."""
    from cluster_pages.leadership import cluster_leadership_revoke

    assert target_ids_managed_by(user=mobility_leader, model=CityApplication) == {clusters.mobility.pk}
    second = cluster_leadership_grant(cluster=clusters.water, user=mobility_leader, granted_by=coordinator)
    assert target_ids_managed_by(user=mobility_leader, model=CityApplication) == {
        clusters.mobility.pk,
        clusters.water.pk,
    }
    cluster_leadership_revoke(leadership=second, revoked_by=coordinator)
    assert target_ids_managed_by(user=mobility_leader, model=CityApplication) == {clusters.mobility.pk}


def test_revoking_one_of_two_clusters_keeps_the_leader_in_the_group(clusters, coordinator, mobility_leader):
    second = cluster_leadership_grant(cluster=clusters.water, user=mobility_leader, granted_by=coordinator)
    from cluster_pages.leadership import cluster_leadership_revoke

    cluster_leadership_revoke(leadership=second, revoked_by=coordinator)

    assert in_leaders_group(mobility_leader)
    assert list(target_adapter(ThematicClusterPage).pages_managed_by(mobility_leader)) == [clusters.mobility]


def test_the_chooser_offers_staff_accounts_only(client, clusters, coordinator, editor, reviewer, superuser):
    applicant = UserFactory(username="applicant@cities.example.org")  # a member's account: in no staff group
    gone = UserFactory(username="gone-reviewer", groups=["Reviewers"], is_active=False)
    client.force_login(coordinator)

    form = client.get(ADD).context["form"]
    offered = set(form.fields["user"].queryset.values_list("username", flat=True))

    assert {"coordinator", "editor", "reviewer", "admin"} <= offered
    assert applicant.username not in offered and gone.username not in offered
    response = client.post(ADD, {"cluster": clusters.water.pk, "user": applicant.pk})
    assert response.status_code == 200  # the form again, with an error
    assert not ClusterLeadership.objects.exists()


def test_a_grant_cannot_be_edited_even_by_a_superuser(client, clusters, superuser, mobility_leader):
    leadership = ClusterLeadership.objects.get(user=mobility_leader)
    client.force_login(superuser)

    client.post(reverse("cluster_leaders:edit", args=[leadership.pk]), {"cluster": clusters.water.pk, "user": 1})

    leadership.refresh_from_db()
    assert (leadership.cluster_id, leadership.user_id) == (clusters.mobility.pk, mobility_leader.pk)


def test_an_old_revision_that_named_leader_accounts_restores_and_publishes_without_granting(clusters, editor):
    page = clusters.mobility
    revision = page.save_revision(user=editor)
    revision.content = {**revision.content, "leader_users": [editor.pk]}  # as revisions saved before the move
    revision.save(update_fields=["content"])

    restored = revision.as_object()
    revision.publish(user=editor)

    assert restored.title == page.title
    assert not ClusterLeadership.objects.filter(user=editor).exists()
    assert list(target_adapter(ThematicClusterPage).pages_managed_by(editor)) == []
