"""Shared fixtures: a site whose root is the home page with its three index pages, and one user per role."""

import runpy
import warnings
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import translation

from .catalogs import compile_stale_catalogs
from .factories import TEST_PASSWORD, SiteTree, UserFactory, build_site_tree


def pytest_configure(config):
    compile_stale_catalogs()


@pytest.fixture
def site_tree(db) -> SiteTree:
    """The default site rooted at a HomePage with /clusters/, /events/ and /case-studies/ below it."""
    return build_site_tree()


@pytest.fixture(scope="session")
def shared_data(django_db_setup, django_db_blocker):
    """Build data once for a module of tests, inside a transaction rolled back when the module ends.

    Use from a module-scoped fixture: ``with shared_data(): ...; yield data``. Each test still runs in
    its own savepoint (request ``db``), so a test may add rows; it must not change the shared objects.
    """

    @contextmanager
    def build():
        with django_db_blocker.unblock():
            with transaction.atomic():
                yield
                transaction.set_rollback(True)
            cache.clear()  # Wagtail caches the site root paths of rows that no longer exist.

    return build


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves cached parts (the page chrome, Wagtail's
    site paths) of rows that no longer exist, and a rollback sends no signal that would invalidate them."""
    for alias in settings.CACHES:
        if alias != "ratelimit":  # in the test database, rolled back with it
            caches[alias].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request under /ko/ leaves Korean active in the test's
    thread (LocaleMiddleware activates a language and never deactivates it), and a later test's command output,
    mail or form would then be Korean depending on the order the tests ran in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def communications(db):
    return UserFactory(username="communications", groups=["Communications"])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", groups=["Reviewers"])


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=["Coordinators"])


@pytest.fixture
def cluster_leader(db):
    return UserFactory(username="cluster-leader", groups=["Cluster leaders"])


@pytest.fixture
def login_throttling_on(settings):
    """django-axes as deployed: the test settings switch it off."""
    settings.AXES_ENABLED = True


#: The proxy's own address, as REMOTE_ADDR shows it behind the proxy (see ``deployed_behind_one_proxy``).
PROXY = "10.0.0.1"


@pytest.fixture
def deployed_behind_one_proxy(settings, monkeypatch):
    """The settings as ``RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR`` in the environment makes them."""
    monkeypatch.setenv("RATELIMIT_IP_META_KEY", "HTTP_X_FORWARDED_FOR")
    with warnings.catch_warnings():  # running the settings module again is the point here
        warnings.simplefilter("ignore", RuntimeWarning)
        deployed = runpy.run_module("cms.settings.base")
    for name in ("RATELIMIT_IP_META_KEY", "CLIENT_IP_META_KEY", "TRUSTED_PROXY_COUNT"):
        if name in deployed:
            setattr(settings, name, deployed[name])
    return settings
