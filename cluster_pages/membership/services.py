"""What activating or ending an application does to its cluster: membership, group, invitation."""

from django.db import transaction

from ..directory.services import city_place_look_up
from ..models import ThematicClusterPage
from .accounts import member_account_ensure, member_account_find
from .invitations import member_invitation_queue
from .selectors import memberships_of_email
from .workspaces import cluster_workspace_ensure


def _cluster_of(application):
    if application.assigned_to_id is None:
        return None
    return ThematicClusterPage.objects.filter(pk=application.assigned_to_id).first()


@transaction.atomic
def membership_activate(*, application):
    """The applicant joins the cluster: account created or reused, added to the members group, invited.

    Returns the user. Called from ``perform_transition`` (through ``after_transition``), inside its transaction.
    """
    cluster = _cluster_of(application)
    if cluster is None:
        return None
    workspace = cluster_workspace_ensure(cluster=cluster)
    city_place_look_up(application=application)  # the directory's map marker (a no-op for an organisation)
    user, created = member_account_ensure(email=application.applicant_email, full_name=application.applicant_name)
    user.groups.add(workspace.group)
    if user.is_active:
        member_invitation_queue(
            application=application, user=user, cluster=cluster, workspace=workspace.page, new_account=created
        )
    return user


@transaction.atomic
def membership_end(*, application):
    """The applicant leaves the cluster's members group (the account stays), unless another of their
    applications keeps them a member of the same cluster. Returns the user, or None."""
    cluster = _cluster_of(application)
    if cluster is None or cluster.members_group_id is None:
        return None
    user = member_account_find(email=application.applicant_email)
    if user is None:
        return None
    still_member = memberships_of_email(
        email=application.applicant_email, cluster=cluster, exclude_pk=application.pk
    ).exists()
    if not still_member:
        user.groups.remove(cluster.members_group_id)
    return user


def membership_after_transition(*, application, name: str) -> None:
    """The site kinds' ``after_transition``: activation makes a member, ending removes one."""
    if name == "activate":
        membership_activate(application=application)
    elif name == "end":
        membership_end(application=application)
