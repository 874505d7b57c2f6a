"""The home page and the three listings cost the same number of queries with 5 or 50 items (no N+1)."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from cluster_pages.models import ClusterStatus, ThematicClusterPage
from home.models import HomeFeaturedCluster

from .factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 50
# Generous enough for template changes, low enough that one query per listed item breaks it.
# 25 before languages; the language switcher and hreflang links look up the page's translations, and the
# menu the home page in the visitor's language: two queries more. 16 at most since the route cache (issue 25).
CEILING = 16
# Indexing 150 pages for search and for "usage" references is most of this module's run time; nothing here needs
# either index.
NO_SEARCH_INDEXING = {
    name: {**backend, "AUTO_UPDATE": False} for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
}
PAGES = [
    "/en/",
    "/en/clusters/",
    "/en/events/",
    "/en/events/?kind=summit",
    "/en/case-studies/",
    "/en/case-studies/?country=KR&status=ongoing",
    "/en/case-studies/?page=2",
    "/en/clusters/flagship/",
]


def add_content(tree, count):
    """``count`` clusters (mixed statuses, featured on the home page), events and case studies.

    Every event also concerns the flagship cluster and every case study belongs to it, so its page lists them all.
    """
    statuses = list(ClusterStatus)
    today = timezone.localdate()
    flagship = ThematicClusterPage.objects.filter(slug="flagship").first() or ThematicClusterPageFactory(
        parent=tree.clusters, title="Flagship", slug="flagship"
    )
    for number in range(count):
        cluster = ThematicClusterPageFactory(parent=tree.clusters, status=statuses[number % len(statuses)])
        tree.home.featured_clusters.add(HomeFeaturedCluster(cluster=cluster))
        EventPageFactory(
            parent=tree.events,
            start_date=today + datetime.timedelta(days=number - count // 2),
            related_clusters=[cluster, flagship],
        )
        CaseStudyPageFactory(parent=tree.case_studies, cluster=flagship, country=["KR", "ES", "MX"][number % 3])
    tree.home.save()


def queries_for(client, url):
    client.get(url)  # warm the per-site caches (site root paths) that every later request reuses
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture(scope="module")
def counts(shared_data, django_db_blocker):
    """Queries per page with FEW items of each kind, then with MANY."""
    from django.test import Client

    client = Client()
    with (
        shared_data(),
        override_settings(WAGTAILSEARCH_BACKENDS=NO_SEARCH_INDEXING),
        disable_reference_index_auto_update(),
    ):
        tree = build_site_tree()
        add_content(tree, FEW)
        few = {url: queries_for(client, url) for url in PAGES}
        add_content(tree, MANY - FEW)
        many = {url: queries_for(client, url) for url in PAGES}
        yield {"few": few, "many": many}


@pytest.mark.parametrize("url", PAGES)
def test_a_page_runs_no_more_queries_with_many_items_than_with_few(counts, url):
    assert counts["many"][url] == counts["few"][url], (
        f"{url}: {counts['few'][url]} queries with {FEW} of each item, {counts['many'][url]} with {MANY}"
    )


@pytest.mark.parametrize("url", PAGES)
def test_a_page_stays_under_the_query_ceiling(counts, url):
    assert counts["many"][url] <= CEILING, f"{url} ran {counts['many'][url]} queries"
