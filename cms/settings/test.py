"""Test settings: fast hashing, in-memory mail and cache, tasks run immediately."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - used by the test suite only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The rate-limit counters stay in the test database: each test's transaction rolls them back.
    "ratelimit": {"BACKEND": "workflows.cache.AtomicDatabaseCache", "LOCATION": "ratelimit_cache"},
    # Wagtail's renditions, as in every environment: never a database read or write per image on a GET.
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    "chrome": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "chrome"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Whole pages for anonymous readers are not cached in the suite, so that every test that counts a page's queries
# counts what building it costs; tests/test_page_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
# The suite's form tests read the thank-you page from the POST's answer; tests/test_post_redirect_get.py turns
# post-redirect-get (production's default) on.
WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION = False
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405

# Serve static files from the apps and static/ directly; no collectstatic outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The plugin's own test site, so that its tests (tests/workflows) also run on these settings.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.workflows.testapp"]  # noqa: F405

# Login throttling is off for the suite (the test client's login() passes no request, which django-axes
# needs); the throttling's own tests turn it on.
AXES_ENABLED = False
