"""The city application form costs a fixed number of queries, however many applications and clusters exist.

Ceilings at today's level: one query more is a regression to explain, one query per cluster or per earlier
application (an N+1) fails. The first request warms the caches every later one reuses (site root paths, the
built form class), as in production.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ThematicClusterPageFactory

from .site_forms import support
from .site_forms.support import city_data

pytestmark = pytest.mark.django_db
private_media = support.private_media  # uploads, if any, go to a throwaway folder


@pytest.fixture
def forms(site_tree):
    return support.build_forms(site_tree)


# A valid POST: no routing (the route cache, cluster_pages/route_cache.py, since issue 25: nine statements fewer,
# the site, the visitor's Locale, the pages along the path and their view restrictions); the rate-limit counter
# (one upsert and an increment; none on Redis), the submission with its clusters and reference (the id is known
# before the INSERT), the log row and audit entry, the reviewers, the mails (one INSERT for all), the task; then
# the thank-you page, whose menu, breadcrumb and footer come from the cache. PostgreSQL adds one: the
# double-submission guard's advisory lock (which also reserves the id). The chosen clusters are checked against
# the open ones kept with the chrome (``cached_open_clusters``).
POST_CEILING = 16 if connection.vendor == "postgresql" else 15
# The blank form: none. Its route, the open clusters (the tick boxes) and the privacy notice's link are kept with
# the chrome.
GET_CEILING = 0


def add_clusters_and_applications(client, forms, count: int) -> None:
    for number in range(count):
        cluster = ThematicClusterPageFactory(parent=forms.active_cluster.get_parent(), title=f"Theme {number}")
        data = city_data(forms, applicant_email=f"earlier-{number}@city.example", clusters=[str(cluster.pk)])
        assert client.post(forms.city.url, data).status_code == 200


def post_queries(client, forms, email: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(forms.city.url, city_data(forms, applicant_email=email))
    assert response.status_code == 200 and b"CA-" in response.content
    return len(captured)


def get_queries(client, forms) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(forms.city.url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def unlimited(settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1000/h"


def test_a_city_application_costs_the_same_queries_with_many_applications_and_clusters(
    client, forms, coordinator, reviewer, unlimited
):
    post_queries(client, forms, "warm-up@city.example")
    few = post_queries(client, forms, "few@city.example")

    add_clusters_and_applications(client, forms, 15)
    many = post_queries(client, forms, "many@city.example")

    assert many == few
    assert many <= POST_CEILING


def test_the_city_application_form_costs_the_same_queries_with_many_applications_and_clusters(client, forms, unlimited):
    get_queries(client, forms)
    few = get_queries(client, forms)

    add_clusters_and_applications(client, forms, 15)
    get_queries(client, forms)  # the new pages renewed the cached chrome and the privacy link: warm them again
    many = get_queries(client, forms)

    assert many == few
    assert many <= GET_CEILING
