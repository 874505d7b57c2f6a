"""Django's LocaleMiddleware, except for the addresses that have no language prefix."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

#: Mounted outside ``i18n_patterns`` (cms/urls.py): a 404 there is final. Django's middleware would redirect
#: it to "/en/admin/…", which Wagtail's catch-all page pattern always matches.
UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/", "/_util/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Redirects a page address without a language prefix to the visitor's language, but not the admin's or the
    API's (their 404 stays a 404)."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
