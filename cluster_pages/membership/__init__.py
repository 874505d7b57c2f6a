"""Membership of clusters, derived from active applications, and the members-only workspaces.

- selectors: ``members_of(cluster)``, ``partners_of(cluster)`` (named if consented, everyone counted).
- services: ``membership_activate``/``membership_end`` (run on the transitions), ``cluster_workspace_ensure``,
  ``cluster_leaders_group_join``.
"""

from .accounts import cluster_leaders_group_join, member_account_ensure, member_account_find
from .selectors import Member, Partner, Roster, members_of, partners_of
from .services import membership_activate, membership_after_transition, membership_end
from .workspaces import Workspace, cluster_workspace_ensure

__all__ = [
    "Member",
    "Partner",
    "Roster",
    "Workspace",
    "cluster_leaders_group_join",
    "cluster_workspace_ensure",
    "member_account_ensure",
    "member_account_find",
    "members_of",
    "membership_activate",
    "membership_after_transition",
    "membership_end",
    "partners_of",
]
