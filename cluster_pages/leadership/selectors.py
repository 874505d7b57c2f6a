"""Reads about cluster leadership, shared by the page model, the admin screen and the demo loader."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from ..models import ClusterLeadership, ThematicClusterPage


def leaders_of(*, cluster) -> list:
    """The active accounts that lead ``cluster``, oldest account first (one query)."""
    return list(
        get_user_model().objects.filter(is_active=True, cluster_leaderships__cluster=cluster).order_by("pk").distinct()
    )


def leaders_of_clusters(*, clusters) -> dict[int, list]:
    """``leaders_of`` for many clusters in one query: each cluster's pk and its active leader accounts."""
    leaders: dict[int, list] = {cluster.pk: [] for cluster in clusters}
    grants = (
        ClusterLeadership.objects.filter(cluster__in=list(leaders), user__is_active=True)
        .select_related("user")
        .order_by("user__pk")
    )
    for grant in grants:
        leaders[grant.cluster_id].append(grant.user)
    return leaders


def clusters_led_by(*, user) -> QuerySet:
    """The cluster pages ``user`` leads; none for an anonymous or deactivated account."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ThematicClusterPage.objects.none()
    return ThematicClusterPage.objects.filter(leaderships__user=user)


def staff_accounts() -> QuerySet:
    """Active accounts that may use the admin: superusers, ``is_staff`` accounts, and anyone holding Wagtail's
    "access admin" permission directly or through a group (Editors, Reviewers, Coordinators, Cluster leaders
    ...). Applicants' and members' accounts have none of these, so they can never be made leaders."""
    access_admin = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
    User = get_user_model()
    staff = User.objects.filter(is_active=True).filter(
        Q(is_superuser=True)
        | Q(is_staff=True)
        | Q(**{f"groups__permissions__{key}": value for key, value in access_admin.items()})
        | Q(**{f"user_permissions__{key}": value for key, value in access_admin.items()})
    )
    return User.objects.filter(pk__in=staff.values("pk")).order_by("first_name", "last_name", "username")
