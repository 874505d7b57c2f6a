"""Who may ask for assessments and who may be asked: the rules ``services.assessments`` checks before it writes.

Who may be asked: an active user who may see the submission (the plugin's visibility rule, so a leader only
for the applications of the targets they lead), has declared no conflict with it, and either holds the kind's
``assessor_permission`` or leads the target the application is assigned to. Who may ask: holders of
``workflow_forms.request_assessment`` who may see the submission and declared no conflict with it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

from ..actors import ApplicantActor
from ..registry import as_specific
from ..selectors.assessments import record_content_types
from ..selectors.visibility import (
    target_ids_managed_by,
    user_may_see_submission,
    user_sees_all_submissions,
    view_permission_for,
)
from .assessment_rules import conflict_refusal_text, conflicted_pairs, user_has_conflict

REQUEST_PERMISSION = "workflow_forms.request_assessment"


def assessor_permission(model) -> str:
    return getattr(model, "assessor_permission", None) or view_permission_for(model)


def is_active_staff(user) -> bool:
    """An authenticated, active staff user (never the applicant actor of a status link)."""
    return bool(not isinstance(user, ApplicantActor) and getattr(user, "is_authenticated", False) and user.is_active)


def user_may_assess(*, submission, user) -> bool:
    """Whether ``user`` may be asked for (and give) an assessment of ``submission``."""
    specific = as_specific(submission)
    if not is_active_staff(user) or not user_may_see_submission(user=user, submission=specific):
        return False
    if user_has_conflict(submission=specific, user=user):
        return False
    if user.has_perm(assessor_permission(type(specific))):
        return True
    manages = getattr(specific, "user_manages_target", None)
    return bool(manages and manages(user))


def user_may_request_assessments(*, submission, user, conflicts: set | None = None) -> bool:
    """Whether ``user`` may ask for, withdraw or re-assign assessments of ``submission`` and record conflicts with
    it for others: never with a declared conflict of their own. ``conflicts``: an ``AssessorPool``'s (object id,
    user id) pairs, so that many rows ask nothing more per row."""
    specific = as_specific(submission)
    return bool(
        is_active_staff(user)
        and user.has_perm(REQUEST_PERMISSION)
        and user_may_see_submission(user=user, submission=specific)
        and not _has_conflict(specific, user, conflicts)
    )


def _has_conflict(specific, user, conflicts: set | None) -> bool:
    if conflicts is None:
        return user_has_conflict(submission=specific, user=user)
    return (specific.pk, user.pk) in conflicts


def request_refusal_text(*, submission, user, otherwise: str) -> str:
    """Why ``user_may_request_assessments`` said no: their declared conflict, else ``otherwise`` (their role)."""
    return conflict_refusal_text() if user_has_conflict(submission=submission, user=user) else otherwise


def user_may_request_any_assessments(user) -> bool:
    """For the listing's bulk action: the permission alone (each row is checked again when it runs)."""
    return bool(is_active_staff(user) and user.has_perm(REQUEST_PERMISSION))


def _permission_holders(model) -> list:
    """The active users holding ``model``'s assessor permission (directly, through a group, or as superusers)."""
    app_label, codename = assessor_permission(model).split(".", 1)
    permission = Q(permissions__codename=codename, permissions__content_type__app_label=app_label)
    holders = (
        Q(is_superuser=True)
        | Q(groups__in=_groups_with(permission))
        | Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    )
    return list(get_user_model().objects.filter(holders, is_active=True).distinct())


def _by_name(users) -> list:
    return sorted(users, key=lambda user: (user.get_full_name() or user.get_username()).lower())


class AssessorPool:
    """Who may assess rows of one kind, asked once for many rows (the bulk request screen and its POST).

    The same rule as ``user_may_assess``, answered in memory: the permission holders are asked once per kind,
    the targets a user leads once per user, the leaders of a target once per target, and each user's
    permissions are Django's, cached on the user object.
    """

    def __init__(self, model):
        self.model = model
        self.holders = _permission_holders(model)
        self._led: dict[int, set[int]] = {}
        self._managers: dict[int, list] = {}
        self.conflicts = conflicted_pairs(record_content_types(model))

    def _leads(self, user) -> set[int]:
        if user.pk not in self._led:
            self._led[user.pk] = target_ids_managed_by(user=user, model=self.model)
        return self._led[user.pk]

    def _target_managers(self, row) -> list:
        target_id = getattr(row, "assigned_to_id", None)
        if target_id is None:
            return []
        if target_id not in self._managers:
            self._managers[target_id] = list(row.target_managers(row.assigned_to))
        return self._managers[target_id]

    def may_assess(self, *, submission, user) -> bool:
        if not is_active_staff(user) or (submission.pk, user.pk) in self.conflicts:
            return False
        if user_sees_all_submissions(user=user, model=self.model) and user.has_perm(assessor_permission(self.model)):
            return True
        # Otherwise only as a leader of the row's target (which also lets them see it).
        target_id = getattr(submission, "assigned_to_id", None)
        return target_id is not None and target_id in self._leads(user)

    def candidates(self, submission) -> list:
        """Everyone who may be asked to assess ``submission``, by name (as ``assessor_candidates``)."""
        users = {user.pk: user for user in self.holders}
        for manager in self._target_managers(submission):
            users.setdefault(manager.pk, manager)
        return _by_name(user for user in users.values() if self.may_assess(submission=submission, user=user))


def assessor_candidates(*, submission) -> list:
    """Everyone who may be asked to assess ``submission``, by name."""
    specific = as_specific(submission)
    users = {user.pk: user for user in _permission_holders(type(specific))}
    target = getattr(specific, "assigned_to", None)
    if target is not None:
        users.update({user.pk: user for user in specific.target_managers(target)})
    return _by_name(user for user in users.values() if user_may_assess(submission=specific, user=user))


def _groups_with(permission: Q):
    return Group.objects.filter(permission)
