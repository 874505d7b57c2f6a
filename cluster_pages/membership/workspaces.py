"""Each cluster's members-only workspace: a child page restricted to the cluster's members group."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from ..models import ClusterWorkspacePage, ThematicClusterPage

GROUP_NAME_MAX_LENGTH = 150
WORKSPACE_SLUG = "members"


@dataclass(frozen=True)
class Workspace:
    group: Group
    page: object  # ClusterWorkspacePage


def members_group_name(cluster) -> str:
    return f"Members: {cluster.title}"[:GROUP_NAME_MAX_LENGTH]


def _members_group(cluster) -> Group:
    if cluster.members_group_id is not None:
        group = Group.objects.filter(pk=cluster.members_group_id).first()
        if group is not None:
            return group
    name = members_group_name(cluster)
    # Another cluster with the same title (or a hand-made group of that name) keeps its group.
    if (
        Group.objects.filter(name=name).exists()
        and ThematicClusterPage.objects.filter(members_group__name=name).exclude(pk=cluster.pk).exists()
    ):
        name = f"{name[: GROUP_NAME_MAX_LENGTH - 12]} (#{cluster.pk})"
    group, _created = Group.objects.get_or_create(name=name)
    # update(), not save(): the link is bookkeeping, not an edit of the page (no revision, no draft touched).
    ThematicClusterPage.objects.filter(pk=cluster.pk).update(members_group=group)
    cluster.members_group = group
    return group


def _workspace_page(cluster):
    page = ClusterWorkspacePage.objects.child_of(cluster).first()
    if page is not None:
        return page
    slug, number = WORKSPACE_SLUG, 2
    taken = set(cluster.get_children().values_list("slug", flat=True))
    while slug in taken:
        slug = f"{WORKSPACE_SLUG}-{number}"
        number += 1
    page = ClusterWorkspacePage(
        title=_("Members' workspace: %(cluster)s") % {"cluster": cluster.title},
        slug=slug,
        intro="<p>"
        + _("Welcome! This page is for the cluster's members: news, documents and the discussion space.")
        + "</p>",
    )
    cluster.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def _restrict(page, group: Group) -> None:
    restriction = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.GROUPS
    ).first() or PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    if not restriction.groups.filter(pk=group.pk).exists():
        restriction.groups.add(group)


@transaction.atomic
def cluster_workspace_ensure(*, cluster) -> Workspace:
    """The cluster's members group and its workspace page restricted to that group; idempotent.

    Runs from the demo loader and, when missing, on the first activation in the cluster.
    """
    group = _members_group(cluster)
    page = _workspace_page(cluster)
    _restrict(page, group)
    return Workspace(group=group, page=page)
