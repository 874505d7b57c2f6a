"""A signed-in site member (no permission, only page privacy) opens pages without the authenticator look-up;
staff who have not given a code are still treated as signed out outside the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_pages.membership import cluster_workspace_ensure

from ..factories import ThematicClusterPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workspace(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", slug="smart-mobility")
    return cluster_workspace_ensure(cluster=cluster)


def queries_opening(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_members_page_asks_nothing_about_a_second_factor(client, required, workspace):
    member = UserFactory(username="kim@seoul.example", email="kim@seoul.example")
    member.groups.add(workspace.group)
    client.force_login(member)
    url = workspace.page.url
    client.get(url)  # warm the site's caches

    queries = queries_opening(client, url)

    assert not [sql for sql in queries if "otp_totp" in sql], "no authenticator look-up for a member"
    # 27 measured with the fix; before it the authenticator and the 2FA-groups look-ups made 29.
    assert len(queries) <= 27, "\n".join(queries)
    assert client.get(url).context["request"].user == member, "the member stays signed in"


def test_a_coordinator_without_a_code_is_still_signed_out_on_the_site(client, required, coordinator):
    client.force_login(coordinator)
    queries = queries_opening(client, "/en/")
    assert [sql for sql in queries if "otp_totp" in sql], "staff are still checked"
    assert not client.get("/en/").context["request"].user.is_authenticated
