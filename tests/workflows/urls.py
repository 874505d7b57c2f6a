"""The URLs a site mounts for the plugin, as the plugin's README shows: admin and API v3 at fixed addresses, the
status pages and the pages under a language prefix (``/en/``)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api_v3.urls),
]
urlpatterns += i18n_patterns(
    path("applications/", include("workflows.urls")),
    path("", include(wagtail_urls)),
)
