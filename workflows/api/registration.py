"""Adding the plugin's routers to Wagtail's API v3 (one OpenAPI document for pages and forms)."""

_registered_on: set[int] = set()


def register(api=None) -> None:
    """Add the routers to ``api`` (default: Wagtail's v3 ``api``) once; before its URLs are first built."""
    if api is None:
        from wagtail.api.v3.api import api
    if id(api) in _registered_on:
        return
    from .routers.applications import build_router
    from .routers.forms import router as forms_router

    api.add_router("/workflow-forms/", forms_router)
    api.add_router("/applications/", build_router())
    _registered_on.add(id(api))
