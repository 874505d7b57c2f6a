"""The submission kinds registered in the reviewers' workspace, filled as their admin viewsets register; read by the
admin and by the mails that link to it."""

from django.conf import settings
from django.urls import get_resolver, reverse
from wagtail.permissions import policy_registry

_viewsets = []


def _loaded() -> list:
    """The registered viewsets, after loading the URLconf if nothing did yet: the admin's viewsets register while
    it loads, which a management command run from cron (reminders, digests) never does before sending mail."""
    if not _viewsets:
        get_resolver().url_patterns  # noqa: B018 - imports the URLconf, which registers the admin viewsets
    return _viewsets


def register_workspace_viewset(viewset) -> None:
    if all(existing.model is not viewset.model for existing in _viewsets):
        _viewsets.append(viewset)


def workspace_viewsets() -> list:
    return list(_loaded())


def workspace_models() -> list[type]:
    return [viewset.model for viewset in _loaded()]


def user_may_see_any_submissions(user) -> bool:
    """Whether the workspace has anything for ``user``: the view permission of a kind, or leading a target."""
    return any(policy_registry.get_by_type(model).user_has_permission(user, "view") for model in workspace_models())


def submission_admin_url(submission, view: str) -> str:
    """The absolute URL of ``view`` ("inspect", "assessment", ...) of ``submission`` in its kind's workspace, for
    mails; "" for a kind without one."""
    label = submission._meta.label
    viewset = next((v for v in _loaded() if v.model._meta.label == label), None)
    if viewset is None:
        return ""
    path = reverse(viewset.get_url_name(view), args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
