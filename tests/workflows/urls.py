"""The URLs a site mounts for the plugin, as the plugin's README shows: admin, API v3, status pages, pages."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api_v3.urls),
    path("applications/", include("workflows.urls")),
    path("", include(wagtail_urls)),
]
