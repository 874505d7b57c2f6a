"""Benchmark settings: production-like (DEBUG off, the site's real caches, tasks and mail queue) plus the
baseline app, with a throwaway database and media folder given by the benchmark script."""

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 - a throwaway database, never served
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
