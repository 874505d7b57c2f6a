"""The site's URLs plus the bare view ``make bench-http`` compares with (benchmark settings only)."""

from django.urls import path

from bench.baseline.bare import bare_submission
from cms.urls import handler500  # noqa: F401 - the site's 503 for an unreachable database
from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/bare/", bare_submission, name="bench_bare"), *site_urlpatterns]
