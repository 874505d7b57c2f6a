"""The submission kinds registered in the workspace (filled as their viewsets register)."""

_viewsets = []


def register_workspace_viewset(viewset) -> None:
    if all(existing.model is not viewset.model for existing in _viewsets):
        _viewsets.append(viewset)


def workspace_viewsets() -> list:
    return list(_viewsets)


def workspace_models() -> list[type]:
    return [viewset.model for viewset in _viewsets]


def user_may_see_any_submissions(user) -> bool:
    """Whether the workspace has anything for ``user``: the view permission of a kind, or leading a target."""
    from wagtail.permissions import policy_registry

    return any(policy_registry.get_by_type(model).user_has_permission(user, "view") for model in workspace_models())
