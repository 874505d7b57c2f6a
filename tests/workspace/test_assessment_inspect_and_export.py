"""The inspect page shows each assessment and the aggregate (mean per criterion and overall, recommendation
counts); the export has the count, the mean and one column per criterion's mean."""

import csv
import io

import pytest

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def row(make_city_application, reviewer, coordinator, assess, city_criteria):
    row = make_city_application(S.SUBMITTED, city="Seoul")
    assess.ask(row, [reviewer, coordinator], coordinator)
    assess.give(row, reviewer, city_criteria, (5, 4, 3), "accept", "Strong team.")
    assess.give(row, coordinator, city_criteria, (3, 2, 3), "changes")
    return row


def test_the_inspect_page_shows_each_assessment_and_the_aggregate(client, users, row, city_urls):
    client.force_login(users["reviewer"])
    html = client.get(city_urls.inspect(row)).content.decode()
    section = html.split('id="assessments"', 1)[1].split("</section>", 1)[0]
    assert "2 of 2 given" in section
    assert section.count("data-criterion-mean") == 3
    assert ">4.0<" in section and ">3.0<" in section  # relevance (5+3)/2, maturity (4+2)/2, transferability 3
    assert "<strong>3.3</strong>" in section  # overall: 20 / 6
    assert "Accept 1 · Ask for changes 1 · Decline 0" in section
    assert "Strong team." in section
    assert "Relevance to the cluster: 5 – Excellent" in section
    assert "Edit your assessment" in section


def test_the_export_has_the_assessment_columns(client, coordinator, row, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index(), {"export": "csv"})
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    (exported,) = table
    assert exported["Assessments given"] == "2"
    assert exported["Mean score"] == "3.33"
    assert exported["Mean score: Relevance to the cluster"] == "4.0"
    assert exported["Mean score: Maturity"] == "3.0"
    assert exported["Mean score: Transferability"] == "3.0"


def test_a_deleted_reviewers_assessment_stays_in_the_aggregate(client, coordinator, reviewer, row, city_urls):
    reviewer.delete()
    client.force_login(coordinator)
    section = client.get(city_urls.inspect(row)).content.decode().split('id="assessments"', 1)[1]
    assert "A deleted account" in section
    assert "2 of 2 given" in section
