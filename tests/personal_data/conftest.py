"""One person with a city application (a file, a message, a note, mails) and a theme suggestion, both by form."""

import re
from dataclasses import dataclass

import pytest

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from tests.site_forms.support import PDF_BYTES, city_data, company_data, forms, private_media, theme_data, upload  # noqa: F401
from workflows.services import note_add, perform_transition

EMAIL = "minji@seoul.example"
NAME = "Kim Min-ji"


@dataclass
class Person:
    application: CityApplication
    suggestion: ThemeSuggestion
    status_path: str


def status_path_of(response) -> str:
    return re.search(r'href="http://testserver(/en/applications/status/[\w-]+/)"', response.content.decode()).group(1)


@pytest.fixture
def person(client, forms, reviewer) -> Person:  # noqa: F811 - the fixture imported above
    response = client.post(
        "/en/join/city/", city_data(forms, phone="+82 2 120", project_brief=upload("brief.pdf", PDF_BYTES))
    )
    path = status_path_of(response)
    client.post("/en/join/suggest-a-theme/", theme_data(applicant_name=NAME, applicant_email=EMAIL.upper()))
    application = CityApplication.objects.get()
    note_add(application=application, user=reviewer, text=f"Called {NAME} about the budget")
    perform_transition(
        application=application,
        name="request_changes",
        user=reviewer,
        note="Budget unclear",
        message="Please describe the project's budget.",
    )
    return Person(application=CityApplication.objects.get(), suggestion=ThemeSuggestion.objects.get(), status_path=path)


@pytest.fixture
def member(client, forms, person, coordinator):  # noqa: F811 - the fixture imported above
    """The same person's company registration, activated: it made them a member account."""
    client.post(
        "/en/join/partner/",
        company_data(forms, applicant_name=NAME, applicant_email=EMAIL, themes=[str(forms.active_cluster.pk)]),
    )
    for name, inputs in (("review", {}), ("assign", {"target": forms.active_cluster}), ("activate", {})):
        perform_transition(application=CompanyRegistration.objects.get(), name=name, user=coordinator, **inputs)
    return CompanyRegistration.objects.get()
