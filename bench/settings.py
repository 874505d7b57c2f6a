"""Benchmark settings: production-like (DEBUG off, the site's real caches, tasks and mail queue) plus the
baseline app, with a throwaway database and media folder given by the benchmark script."""

import os

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105 - a throwaway database, never served
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
# Mail kept in memory; bench/scaleout.py writes it to files (EMAIL_FILE_PATH) to count what its workers sent.
EMAIL_BACKEND = os.environ.get("BENCH_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")
WHITENOISE_USE_FINDERS = True
INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
