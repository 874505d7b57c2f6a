"""The plugin's own test site (``tests.workflows.testapp``) and one user per role.

These fixtures need neither ``cluster_pages`` nor ``home``: the plugin's tests run on the site's settings and
on ``tests/workflows/settings.py`` alike (``make test-plugin``).
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from tests.catalogs import compile_stale_catalogs

from .factories import TEST_PASSWORD, UserFactory
from .testapp.models import PlainPage, StartPage, TeamPage


def pytest_configure(config):
    compile_stale_catalogs()


@pytest.fixture(autouse=True)
def default_language():
    """Each plugin test starts in the default language, on the plugin's own settings too (where the site's
    tests/conftest.py is not read): a request in Korean leaves Korean active in the test's thread, because
    LocaleMiddleware activates a language and never deactivates it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def site_root(db) -> StartPage:
    """The default site, rooted at a fresh start page."""
    start = Page.get_first_root_node().add_child(instance=StartPage(title="Start", slug="plugin-start"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": start}
    )
    return start


def add_team(parent, title, **fields) -> TeamPage:
    page = parent.add_child(instance=TeamPage(title=title, **fields))
    page.save_revision().publish()
    return page


@pytest.fixture
def clusters(site_root):
    """Two team pages applications are assigned to: one taking members with a discussion space, one forming."""
    return SimpleNamespace(
        mobility=add_team(site_root, "Smart Mobility", discussion_url="https://forum.example.org/smart-mobility"),
        water=add_team(site_root, "Water"),
    )


@pytest.fixture
def archived_cluster(site_root):
    """A team page that takes no members."""
    return add_team(site_root, "Heritage", accepts_members=False)


@pytest.fixture
def about_page(site_root):
    """A page no application can be assigned to."""
    return site_root.add_child(instance=PlainPage(title="About us"))


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
def reviewer(db):
    return UserFactory(username="reviewer", groups=["Reviewers"])


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=["Coordinators"])


@pytest.fixture
def cluster_leader(db):
    return UserFactory(username="cluster-leader", groups=["Cluster leaders"])
