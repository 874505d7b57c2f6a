"""A cluster leader is a user granted leadership of a cluster: they see and activate/end only their cluster's
applications."""

import pytest

from cluster_pages.models import CityApplication, ClusterLeadership, ThematicClusterPage
from tests.factories import UserFactory
from workflows.adapters import target_adapter
from workflows.exceptions import TransitionNotPermitted
from workflows.selectors import submissions_visible_to, user_may_see_submission
from workflows.services import available_transitions

from .conftest import city_application

pytestmark = pytest.mark.django_db


def assigned(run, coordinator, cluster, **fields):
    application = run(application=city_application(**fields), name="review", user=coordinator)
    return run(application=application, name="assign", user=coordinator, target=cluster, note="Fits.")


def test_the_clusters_leader_accounts_are_its_application_managers(clusters, mobility_leader):
    inactive = UserFactory(username="gone", groups=["Cluster leaders"])
    ClusterLeadership.objects.create(cluster=clusters.mobility, user=inactive)
    inactive.is_active = False
    inactive.save()

    assert target_adapter(ThematicClusterPage).managers(clusters.mobility) == [mobility_leader]
    assert list(target_adapter(ThematicClusterPage).pages_managed_by(mobility_leader)) == [clusters.mobility]
    assert list(target_adapter(ThematicClusterPage).pages_managed_by(inactive)) == []


def test_the_leader_of_the_assigned_cluster_may_activate_and_end(clusters, run, coordinator, mobility_leader):
    application = assigned(run, coordinator, clusters.mobility)
    assert available_transitions(application=application, user=mobility_leader) == ["activate"]

    application = run(application=application, name="activate", user=mobility_leader)
    assert application.state == "active"
    assert available_transitions(application=application, user=mobility_leader) == ["end"]

    application = run(application=application, name="end", user=mobility_leader, note="Left.")
    assert application.state == "ended"


def test_a_leader_of_another_cluster_may_not_activate_or_end(clusters, run, coordinator, mobility_leader, water_leader):
    application = assigned(run, coordinator, clusters.mobility)

    assert available_transitions(application=application, user=water_leader) == []
    with pytest.raises(TransitionNotPermitted):
        run(application=application, name="activate", user=water_leader)
    assert CityApplication.objects.get(pk=application.pk).state == "assigned"

    application = run(application=application, name="activate", user=mobility_leader)
    with pytest.raises(TransitionNotPermitted):
        run(application=application, name="end", user=water_leader, note="Not mine.")
    assert CityApplication.objects.get(pk=application.pk).state == "active"


def test_a_leader_sees_only_the_applications_assigned_to_their_clusters(
    clusters, run, coordinator, mobility_leader, water_leader
):
    mine = assigned(run, coordinator, clusters.mobility, city="Seoul")
    theirs = assigned(run, coordinator, clusters.water, city="Lima")
    unassigned = city_application(city="Quito")

    visible = submissions_visible_to(user=mobility_leader, queryset=CityApplication.objects.all())

    assert list(visible) == [mine]
    assert user_may_see_submission(user=mobility_leader, submission=mine)
    assert not user_may_see_submission(user=mobility_leader, submission=theirs)
    assert not user_may_see_submission(user=mobility_leader, submission=unassigned)


def test_a_leader_activating_makes_the_member_as_a_coordinator_would(clusters, run, coordinator, mobility_leader):
    application = assigned(run, coordinator, clusters.mobility, city="Seoul")

    run(application=application, name="activate", user=mobility_leader)

    clusters.mobility.refresh_from_db()
    assert clusters.mobility.members_group.user_set.filter(email="seoul@cities.example.org").exists()
