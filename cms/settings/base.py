"""Settings shared by every environment. Secrets and hosts come from the environment."""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .environment import env_bool, env_list
from .log_config import json_lines_logging

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


INSTALLED_APPS = [
    "home",
    "cluster_pages",
    "workflows",
    # Translating pages and snippets in the admin ("Translate" in a page's menu); its locales app replaces
    # wagtail.locales and lets a locale follow the English page tree ("Synchronise content from").
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # API v3's docs page takes Swagger UI from our static files (the CSP blocks a CDN's)
    "django_countries",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # ``intcomma``: counts and figures grouped as the visitor's language writes them ("1,234", "1 234").
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A database that cannot be reached answers 503 with Retry-After, not a bare 500.
    "cms.database_unavailable.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Django's, except that a 404 of the admin or the API is not redirected under a language prefix.
    "cms.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Whole public pages for anonymous readers (cluster_pages/page_cache.py; PAGE_CACHE_SECONDS, 0 for none).
    "cluster_pages.page_cache.PageCacheMiddleware",
    # The site and page of a page address, until the page tree changes (cluster_pages/route_cache.py).
    "cluster_pages.route_cache.RouteCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Approving a translation whose original is not live keeps it in moderation, saying why.
    "cluster_pages.translations_follow.RefuseApprovalBeforeTheSource",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# DATABASE_URL selects the database; SQLite in the project folder is the embedded default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves the web server and the mail worker (`db_worker`) writing at once.
    # WAL lets readers go on beside the one writer; IMMEDIATE transactions take the write lock when they
    # begin, so a second writer waits (up to `timeout` seconds) instead of failing at once with "database
    # is locked" when its read turns into a write; synchronous=NORMAL is safe with WAL and saves an fsync
    # per commit. PostgreSQL (DATABASE_URL) is left as it is.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner's cost of a random page read (PostgreSQL's default, 4, assumes spinning disks). On SSDs, or
    # with the tables in memory, 1.1 is the usual value: without it PostgreSQL prefers reading every row of an
    # application table to the trigram indexes of a search (180 ms instead of 25 at 70,000 rows), because it
    # counts the index pages as disk seeks and each row's UPPER() as nearly free. An ``options`` given in
    # DATABASE_URL wins; DATABASE_RANDOM_PAGE_COST="" leaves the server's own setting.
    random_page_cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
    if random_page_cost:
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", f"-c random_page_cost={random_page_cost}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's content is written in English and Korean (WAGTAIL_CONTENT_LANGUAGES); its interface (templates,
# forms, mails, the admin) is also offered in Spanish and French. A visitor's language comes from the URL's
# prefix (/en/, /ko/...), else their choice (cookie), else Accept-Language (LocaleMiddleware).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ko", _("Korean")),
    ("es", _("Spanish")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Applicants' uploads live outside MEDIA_ROOT and are served to staff only through a
# permission-checked view, never by the web server.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail: the console in development; SMTP from EMAIL_* variables in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WeGO Thematic Clusters <clusters@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# /.well-known/security.txt (RFC 9116): whom to tell about a vulnerability (addresses or URLs, comma-separated),
# an optional disclosure policy, and how far ahead its Expires date is set (renewed every day).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT") or parseaddr(DEFAULT_FROM_EMAIL)[1]
SECURITY_POLICY_URL = os.environ.get("SECURITY_POLICY_URL", "")
SECURITY_TXT_EXPIRES_DAYS = 180

# Background work (mail) runs through django-tasks; the database backend's worker is
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cache_table",
    },
    # The public forms' per-IP counters (django-ratelimit). Django's DatabaseCache increments by get+set,
    # which is not atomic and resets the expiry; this subclass locks the row and keeps it.
    "ratelimit": {
        "BACKEND": "workflows.cache.AtomicDatabaseCache",
        "LOCATION": "ratelimit_cache",
    },
}
RATELIMIT_USE_CACHE = "ratelimit"

# -- Caches on Redis (REDIS_URL) --------------------------------------------------------------------------------
# With REDIS_URL (e.g. redis://127.0.0.1:6379/1) every cache is Django's built-in Redis cache: the site's
# (Wagtail's site paths, the page chrome, the cluster rosters), the rate-limit counters (an atomic INCR instead
# of a locked row) and Wagtail's renditions; sessions are read from it and kept in the database
# (cached_db), so every web process on every machine shares them. Give each environment its own database
# number or CACHE_KEY_PREFIX when one Redis serves several. Without REDIS_URL: the database cache (shared by
# processes on one machine), renditions and the page chrome's parts in local memory (never a database write per
# image on a GET; the chrome's generation stays in the shared cache).
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "clusters")
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{alias}",
        }
        for alias in ("default", "ratelimit", "renditions", "chrome", "pages")
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"}
    # The page chrome and rosters (cluster_pages/chrome.py): their generation number is in the shared default
    # cache, the parts in each process's memory.
    CACHES["chrome"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "chrome"}
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS") or 300)
# Behind a reverse proxy every request comes from the proxy's address. The environment's RATELIMIT_IP_META_KEY
# names the header the proxies append the client's address to (HTTP_X_FORWARDED_FOR), TRUSTED_PROXY_COUNT how
# many proxies there are (default one); cms.security.client_ip reads them, and client_network (an IPv6 address as
# its /64) is what django-ratelimit and django-axes alike count, so no throttle ever trusts the values a client
# writes itself nor counts one subscriber's /64 as many clients (see docs/security.md).
CLIENT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or 1)
RATELIMIT_IP_META_KEY = "cms.security.client_network"
# django-ratelimit warns about any cache backend it does not list (W001), ours included; the deploy check
# fails on warnings. AtomicDatabaseCache gives the atomic increment that warning is about.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# The public workflow forms: submissions per IP address and form, and the largest upload (bytes).
WORKFLOW_FORMS_RATE_LIMIT = os.environ.get("WORKFLOW_FORMS_RATE_LIMIT", "10/h")
WORKFLOW_FORMS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A valid POST answers 303 to the thank-you page (post-redirect-get): reloading it never posts again.
WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION = env_bool("WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION", True)
# Status links that do not exist, per IP address, before every status link answers 429 for the rest of the hour.
WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = os.environ.get("WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT", "20/h")
# Password-reset mails to one address (more are silently not sent), and requests from one client (more: 429).
PASSWORD_RESET_ADDRESS_RATE = os.environ.get("PASSWORD_RESET_ADDRESS_RATE", "5/h")
PASSWORD_RESET_CLIENT_RATE = os.environ.get("PASSWORD_RESET_CLIENT_RATE", "20/h")
# A DOCX or ODT (a zip) declaring more than this unpacked, or more entries, is refused as a zip bomb.
WORKFLOW_FORMS_MAX_UNZIPPED_SIZE = 100 * 1024 * 1024
WORKFLOW_FORMS_MAX_ZIP_ENTRIES = 1000

# Wagtail
WAGTAIL_SITE_NAME = "WeGO Thematic Clusters"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, given plain words only (cms/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = True
# The languages pages and snippets are translated into (wagtail-localize, "Translate" in the page's menu).
WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("ko", _("Korean")),
]
# "Translate this page" keeps the new translation a draft (the default publishes it, whoever asks): it is
# published from the translation editor or through review (cluster_pages.translation_review).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"

# Members sign in with their e-mail address (staff may still use their username) on the site's own login
# page, which is also where Wagtail sends visitors of members-only pages.
# django-axes' backend comes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cluster_pages.membership.auth.EmailOrUsernameBackend",
]
LOGIN_URL = "member_login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "member_login"

# Nothing is framed, except Wagtail's preview, whose views set SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"

# Logging: every event is one JSON line on stderr (the process manager or container runtime collects it),
# with status tokens and passwords scrubbed (cms/log.py). Request errors still go to ADMINS if it is set.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = json_lines_logging(level=LOG_LEVEL)

# -- Security: login throttling, Content-Security-Policy, Permissions-Policy ----------------------------------
INSTALLED_APPS += ["axes"]
MIDDLEWARE += [
    "cms.security.ContentSecurityPolicyMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# Login throttling (django-axes) for Wagtail's admin login and the members' login alike. Failures count per
# account *and* address together (the account however it was typed: username or e-mail, any case), so an
# attacker who locks an account out locks it out only for themselves: the real person signs in from their own
# network, and everyone may try again after the cool-off, which runs from the lockout (a wrong try during it is
# not recorded and does not extend it). Policy: docs/security.md, "Lockouts".
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "cms.security.login_username"
AXES_CLIENT_IP_CALLABLE = "cms.security.client_network"
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["password"]

# Content-Security-Policy (django-csp). Scripts only from this site, or inline with the request's nonce;
# inline styles are allowed (Wagtail's admin and its rich-text editor set style attributes). The admin's
# own additions are in cms.security.ADMIN_POLICY_UPDATE. Uploaded files are served with their own
# "sandbox" policy, which this middleware leaves alone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# Wagtail's avatars would come from gravatar.com; an avatar uploaded in the admin still shows.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# -- Two-factor authentication for staff (django-otp: authenticator apps and backup codes; cms/two_factor) ------
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static", "cms.two_factor"]
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.middleware.StaffSecondFactorMiddleware",
]
# Members of these groups (every role that reads applicants' personal data) and superusers must set up a second
# factor before the admin opens (production turns it on; anyone who set one up is asked for a code either way).
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)
STAFF_2FA_REQUIRED_GROUPS = ["Coordinators", "Reviewers", "Cluster leaders"]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Passkeys (django-otp-webauthn), a second factor only: never a sign-in without the password. A passkey belongs
# to one host name (the relying party ID) and works only on the origins listed; both follow the admin's address
# unless set. WebAuthn needs https, or http://localhost in development (not an IP address such as 127.0.0.1):
# an admin address on plain http means passkeys on http://localhost at the same port.
INSTALLED_APPS += ["django_otp_webauthn"]
_admin_address = urlsplit(WAGTAILADMIN_BASE_URL)
_passkey_host = _admin_address.hostname if _admin_address.scheme == "https" else "localhost"
_passkey_port = f":{_admin_address.port}" if _admin_address.port else ""
OTP_WEBAUTHN_RP_ID = os.environ.get("OTP_WEBAUTHN_RP_ID") or _passkey_host
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("OTP_WEBAUTHN_ALLOWED_ORIGINS") or [
    f"{_admin_address.scheme}://{_passkey_host}{_passkey_port}"
]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
