"""Fixtures for the member directory: the activation fixtures (clusters, activate, end) and the /members/ page."""

import pytest

from cluster_pages.models import DirectoryPage
from tests.activation.conftest import activate, clusters, end, mobility_leader, run  # noqa: F401 - fixtures used by these tests


@pytest.fixture
def directory_page(site_tree):
    page = DirectoryPage(title="Member directory", slug="members", show_in_menus=True, intro="<p>Who takes part.</p>")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page
