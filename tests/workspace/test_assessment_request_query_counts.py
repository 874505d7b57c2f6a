"""The bulk "Request assessments" screen asks who may assess once for all the selected rows: its queries do not
grow with the rows (nor with rows × staff), and posting asks nothing per row and reviewer."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment

from .conftest import assessment_request_url

S = ApplicationState


def selection(city_urls, rows) -> str:
    return assessment_request_url(city_urls) + "?" + "&".join(f"id={row.pk}" for row in rows)


def count(client, method, url, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code in (200, 302)
    return len(captured)


def make_rows(make_city_application, clusters, number):
    return [
        make_city_application(
            [S.SUBMITTED, S.ASSIGNED][index % 2],
            city=f"City {index}",
            assigned_to=[clusters.mobility, clusters.water][index % 2] if index % 2 else None,
        )
        for index in range(number)
    ]


def test_the_screen_asks_the_same_number_of_queries_for_2_and_12_rows(
    client, users, make_city_application, clusters, city_urls
):
    for number in range(3):
        UserFactory(username=f"reviewer-{number}", groups=["Reviewers"])
    rows = make_rows(make_city_application, clusters, 12)
    client.force_login(users["coordinator"])
    client.get(selection(city_urls, rows[:2]))  # warm caches (content types, site root paths)

    two = count(client, "get", selection(city_urls, rows[:2]))
    twelve = count(client, "get", selection(city_urls, rows))

    assert two == twelve, f"{two} queries for 2 rows, {twelve} for 12"


def test_posting_asks_nothing_per_row_and_reviewer(client, users, make_city_application, clusters, city_urls):
    reviewers = [UserFactory(username=f"reviewer-{number}", groups=["Reviewers"]) for number in range(4)]
    rows = make_rows(make_city_application, clusters, 6)
    client.force_login(users["coordinator"])
    url = selection(city_urls, rows)

    one = count(client, "post", url, {"id": [row.pk for row in rows], "reviewers": [reviewers[0].pk]})
    Assessment.objects.all().delete()
    four = count(client, "post", url, {"id": [row.pk for row in rows], "reviewers": [r.pk for r in reviewers]})

    assert Assessment.objects.count() == 6 * 4
    # Each extra reviewer costs only their writes on each row (the request, its log entry, its mail) and the
    # look-up of their admin language for the mail; who may assess is no longer asked per row and reviewer.
    per_reviewer_and_row = (four - one) / (3 * 6)
    assert per_reviewer_and_row <= 6, f"{one} queries for 1 reviewer, {four} for 4"
