"""Reads that several places share (HackSoft's selectors): who may see what, and what the applicant is shown."""

from .staff import (
    application_kinds,
    application_visible_to,
    applications_visible_to,
    prefetch_managed_targets,
    prefetch_target_managers,
    specifics_of,
)
from .visibility import (
    submissions_visible_to,
    target_ids_managed_by,
    user_may_see_submission,
    user_sees_all_submissions,
    view_permission_for,
)

__all__ = [
    "application_kinds",
    "application_visible_to",
    "applications_visible_to",
    "prefetch_managed_targets",
    "prefetch_target_managers",
    "specifics_of",
    "submissions_visible_to",
    "target_ids_managed_by",
    "user_may_see_submission",
    "user_sees_all_submissions",
    "view_permission_for",
]
