"""The route of a page address (its site and its page), cached until the page tree changes.

Wagtail finds the page for an address anew on every request: the site (one statement), the root page in the
active language and its specific type, then for each part of the path the child page and its specific type, then
the view restrictions of the page and of its ancestors: nine statements for a form two levels below the home
page, on every submission and every page a signed-in reader opens (anonymous readers' GETs are served whole by
``page_cache``). Nothing in that answer depends on the request beyond its host, port, language and path while the
page tree and the view restrictions stay as they are, and the page chrome's generation (``chrome``) moves on
whenever they change: a page saved, published, unpublished, moved or deleted, a view restriction or a site saved
or deleted.

What is cached: the site and the page Wagtail found, and whether the page or an ancestor has a view restriction,
under the chrome's generation, the language and the address (host, port and path), in the ``chrome`` cache, only
when

- the page's class says ``cache_route = True`` (``CachedRoute``: the site's own page types; a page type from
  elsewhere may route by more than the address), and
- the page serves the address itself (a routable page's sub-route, such as an event's ``.ics``, is routed by
  Wagtail each time).

On a hit Wagtail's own serve view takes the route from the request (``request._wagtail_route_for_request``, the
attribute ``Page.route_for_request`` reads first) and the site from ``request._wagtail_site``. A page without
view restrictions answers "none" without asking the database; a restricted page's restrictions are read and
checked by Wagtail on every request, as before. Everything else (the page's ``serve``, the ``before_serve_page``
hooks, the view-restriction check itself) runs as before.
"""

import hashlib

from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.url_routing import RouteResult

#: As long as a chrome part: any change to the page tree moves the generation on anyway.
TIMEOUT = 24 * 60 * 60
NO_RESTRICTIONS = "_route_cache_no_view_restrictions"


class CachedRoute:
    """A page mixin: this page type is routed by its address alone, so its route may be cached (see above)."""

    cache_route = True

    def get_view_restrictions(self):
        if self.__dict__.get(NO_RESTRICTIONS):
            # Known from the route cache, under the same generation that any restriction's change moves on.
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _store():
    from .chrome import _parts  # not at import: chrome imports the page models, which import this module

    return _parts()


def _key(request, components: list[str]) -> str:
    from .chrome import generation

    # As Site.find_for_request reads them: the raw host (ALLOWED_HOSTS was checked by then) and the port.
    address = f"{request._get_raw_host().lower()}|{request.get_port()}|{'/'.join(components)}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"route:{generation(request)}:{translation.get_language()}:{digest}"


def _cacheable(route) -> bool:
    return (
        isinstance(route, RouteResult)
        and getattr(route.page, "cache_route", False)
        and not route.args
        and not route.kwargs
    )


def _lean(instance):
    """A copy of a model instance without the related objects it has loaded (they would be pickled with it)."""
    copy = instance.__class__.__new__(instance.__class__)
    copy.__dict__ = {**instance.__dict__}
    copy._state = instance._state.__class__()
    copy._state.adding, copy._state.db = instance._state.adding, instance._state.db
    return copy


class RouteCacheMiddleware:
    """Routes Wagtail page addresses from the cache (see the module's docstring). After the page cache's.

    On a miss Wagtail's serve view routes as it always does (a database error there is answered as any view's),
    and ``remember_route``, a ``before_serve_page`` hook, stores the page as routing left it, before anything in
    this request's serving has been cached on it."""

    def __init__(self, get_response):
        from wagtail import views as wagtail_views  # not at import: the page models import this module

        self.get_response = get_response
        self.serve_views = {wagtail_views.serve}

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func not in self.serve_views or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = _key(request, [component for component in path.split("/") if component])
        entry = _store().get(key)
        if entry is None:
            request._route_cache_key = key
            return None
        site, page, unrestricted = entry
        page.__dict__[NO_RESTRICTIONS] = unrestricted
        request._wagtail_site = site
        request._wagtail_route_for_request = RouteResult(page)
        return None


def remember_route(page, request, serve_args, serve_kwargs) -> None:
    """Store the route Wagtail just found for this request's address, when it may be cached (a hook)."""
    key = getattr(request, "_route_cache_key", None)
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if key is None or site is None or route is None or route.page is not page or not _cacheable(route):
        return None
    unrestricted = not page.get_view_restrictions().exists()
    _store().set(key, (_lean(site), _lean(page), unrestricted), timeout=TIMEOUT)
    return None
