"""One Wagtail permission policy for submissions, answering with the plugin's visibility rule (selectors).

Applications are never created, edited or deleted in the admin: they arrive through the public forms and
change only through ``perform_transition``. So the policy knows three actions:

- ``view``: the kind's view permission (every application kind shares ``workflow_forms.view_application``),
  or leading at least one target; per instance, ``user_may_see_submission``.
- ``export``: ``workflow_forms.export_application`` (Coordinators), and only over what the user may view.
- ``add``/``change``/``delete``: nobody, not even a superuser, so Wagtail's generic edit views stay shut.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from ..models import AbstractRegistration, Application
from ..selectors import (
    submissions_visible_to,
    target_ids_managed_by,
    user_may_see_submission,
    user_sees_all_submissions,
)

EXPORT_PERMISSION = "workflow_forms.export_application"
NEVER = {"add", "change", "delete", "publish", "lock", "unlock"}


def _is_active_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Who may see and export the submissions of ``model`` (and of its subclasses)."""

    export_permission = EXPORT_PERMISSION

    def __init__(self, model, auth_model=None):
        if auth_model is None and isinstance(model, type) and issubclass(model, Application):
            auth_model = Application  # every application kind shares the queue's permissions
        super().__init__(model, auth_model=auth_model)

    def user_may_view_any(self, user) -> bool:
        if not _is_active_user(user):
            return False
        # Cached on the user object (one per request), as Wagtail caches permissions: the listing asks per row.
        cache_name = f"_workflow_forms_may_view_{self.model._meta.label_lower}"
        if not hasattr(user, cache_name):
            may_view = (
                user_sees_all_submissions(user=user, model=self.model)
                or bool(target_ids_managed_by(user=user, model=self.model))
                or self._manages_some_registrations(user)
            )
            setattr(user, cache_name, may_view)
        return getattr(user, cache_name)

    def _manages_some_registrations(self, user) -> bool:
        if not issubclass(self.model, AbstractRegistration):
            return False
        queryset = self.model._default_manager.all()
        return self.model.registrations_managed_by(user=user, queryset=queryset).exists()

    def user_has_permission(self, user, action):
        if action in NEVER or not _is_active_user(user):
            return False
        if action == "view":
            return self.user_may_view_any(user)
        if action == "export":
            return self.user_may_view_any(user) and user.has_perm(self.export_permission)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action in NEVER or not _is_active_user(user):
            return False
        if not user_may_see_submission(user=user, submission=instance):
            return False
        if action == "view":
            return True
        if action == "export":
            return user.has_perm(self.export_permission)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not _is_active_user(user) or not ({"view", "export"} & set(actions)):
            return queryset.none()
        visible = submissions_visible_to(user=user, queryset=queryset)
        if "view" in actions or user.has_perm(self.export_permission):
            return visible
        return queryset.none()

    def users_with_any_permission(self, actions):
        """Users holding the view permission (leaders are found per instance, through their targets)."""
        if "view" not in actions:
            return self._get_users_with_any_permission_codenames(set())
        return self._get_users_with_any_permission_codenames(self._get_permission_codenames(["view"]))
