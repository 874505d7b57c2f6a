"""Local development: debug on, mail to the console, a throwaway secret."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-change-me"  # noqa: S105 - never used outside development
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Serve static files from the apps and static/ directly; no collectstatic outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
