"""The staff list's ``assessment_overdue`` filter: true finds the applications with a requested assessment past its
due date (a date in the site's time zone) and not given, false the others; the OpenAPI document describes it."""

import datetime

import pytest
import time_machine

from .test_assessment_request_endpoints import assigned  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def references(api, value, moment):
    with time_machine.travel(moment, tick=False):
        response = api.get(f"applications/?assessment_overdue={value}")
    assert response.status_code == 200, response.content
    return {item["reference"] for item in response.json()["items"]}


def test_the_list_filters_on_overdue_assessments(staff, assigned, submit_city):  # noqa: F811
    other = submit_city(city="Busan", applicant_email="busan@busan.example")[0]
    api = staff["coordinator"][1]
    on_the_due_day = datetime.datetime(2026, 3, 10, 23, tzinfo=datetime.UTC)
    the_day_after = datetime.datetime(2026, 3, 11, 1, tzinfo=datetime.UTC)
    assert other.pk != assigned.pk
    assert references(api, "true", on_the_due_day) == set()
    assert references(api, "true", the_day_after) == {assigned.reference}
    assert assigned.reference not in references(api, "false", the_day_after)
    assert other.reference in references(api, "false", the_day_after)


def test_the_document_describes_the_filter(anonymous):
    document = anonymous.get("openapi.json").json()
    parameters = {parameter["name"] for parameter in document["paths"]["/api/v3/applications/"]["get"]["parameters"]}
    assert "assessment_overdue" in parameters
