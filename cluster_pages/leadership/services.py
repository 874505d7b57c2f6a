"""Granting and revoking cluster leadership: the only way the grant changes (admin screen, demo loader)."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workflows.selectors.visibility import forget_managed_target_ids

from ..membership import cluster_leaders_group_join
from ..membership.accounts import CLUSTER_LEADERS_GROUP
from ..models import ClusterLeadership
from .selectors import staff_accounts

GRANT_ACTION = "cluster_pages.leadership_grant"
REVOKE_ACTION = "cluster_pages.leadership_revoke"
GRANT_PERMISSION = "cluster_pages.add_clusterleadership"
REVOKE_PERMISSION = "cluster_pages.delete_clusterleadership"


class ClusterLeadershipRefused(Exception):
    """The grant cannot be made; ``message`` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def user_may_manage_cluster_leaders(user) -> bool:
    """Coordinators (and superusers) hold both permissions; nobody else may change who leads a cluster."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.has_perm(GRANT_PERMISSION)
        and user.has_perm(REVOKE_PERMISSION)
    )


def _check(actor, permission: str) -> None:
    """``actor`` None is the system (data loading), which needs no permission."""
    if actor is not None and not (actor.is_active and actor.has_perm(permission)):
        raise PermissionDenied(_("You may not change who leads a cluster."))


def _audit_data(user) -> dict:
    return {"user_id": user.pk, "username": user.get_username(), "name": user.get_full_name()}


@transaction.atomic
def cluster_leadership_grant(*, cluster, user, granted_by) -> ClusterLeadership:
    """Make the staff account ``user`` a leader of ``cluster`` (idempotent) and put them in the
    "Cluster leaders" group, which gives them the admin access their role needs."""
    _check(granted_by, GRANT_PERMISSION)
    if not staff_accounts().filter(pk=user.pk).exists():
        raise ClusterLeadershipRefused(_("Only an active staff account can lead a cluster."))
    leadership, created = ClusterLeadership.objects.get_or_create(
        cluster=cluster, user=user, defaults={"granted_by": granted_by}
    )
    if created:
        forget_managed_target_ids(user)
        cluster_leaders_group_join(users=[user])
        log(instance=cluster, action=GRANT_ACTION, user=granted_by, data=_audit_data(user))
    return leadership


@transaction.atomic
def cluster_leadership_revoke(*, leadership: ClusterLeadership, revoked_by) -> None:
    """End ``leadership``; a user who then leads no cluster leaves the "Cluster leaders" group."""
    _check(revoked_by, REVOKE_PERMISSION)
    cluster, user = leadership.cluster, leadership.user
    deleted, _rows = ClusterLeadership.objects.filter(pk=leadership.pk).delete()
    if not deleted:
        return
    forget_managed_target_ids(user)
    if not ClusterLeadership.objects.filter(user=user).exists():
        group = Group.objects.filter(name=CLUSTER_LEADERS_GROUP).first()
        if group is not None:
            user.groups.remove(group)
    log(instance=cluster, action=REVOKE_ACTION, user=revoked_by, data=_audit_data(user))
