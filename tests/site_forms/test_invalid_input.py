"""Each invalid answer is shown beside its field and in the summary at the top; nothing is created."""

import pytest

from cluster_pages.models import ThemeSuggestion
from workflows.models import Application, Notification, TransitionLog

from .support import city_data, company_data, theme_data

pytestmark = pytest.mark.django_db


def assert_nothing_created():
    assert not Application.objects.exists()
    assert not ThemeSuggestion.objects.exists()
    assert not TransitionLog.objects.exists()
    assert not Notification.objects.exists()


def assert_error_shown(response, field: str, message: str):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    # To the field, or to the first box of a choice of radio buttons or tick boxes (the group has no focus).
    assert f'href="#id_{field}"' in html or f'href="#id_{field}_0"' in html, "the summary links to the field"
    assert f'id="id_{field}_error"' in html, "the message is beside the field"
    assert message in html
    assert (
        f'aria-describedby="id_{field}_' in html or f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"city": None}, "city", "This field is required."),
        ({"applicant_name": ""}, "applicant_name", "This field is required."),
        (
            {"applicant_email": "minji-at-seoul"},
            "applicant_email",
            "Enter a valid e-mail address, like name@example.org.",
        ),
        ({"project_description": "x" * 5001}, "project_description", "at most 5000 characters (it has 5001)"),
        ({"clusters": None}, "clusters", "Choose at least one cluster."),
        ({"consent_privacy": None}, "consent_privacy", "You need to agree to the privacy notice"),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"project_status": "finished"}, "project_status", "Select a valid choice."),
    ],
)
def test_invalid_city_application_shows_its_message_and_creates_nothing(client, forms, overrides, field, message):
    response = client.post("/en/join/city/", city_data(forms, **overrides))

    assert_error_shown(response, field, message)
    assert_nothing_created()


def test_a_cluster_that_takes_no_members_cannot_be_chosen(client, forms):
    response = client.post("/en/join/city/", city_data(forms, clusters=[str(forms.archived_cluster.pk)]))

    assert_error_shown(response, "clusters", "is not one of the available choices")
    assert_nothing_created()


def test_a_company_must_choose_a_theme_and_give_a_website(client, forms):
    response = client.post("/en/join/partner/", company_data(forms, themes=None, website="not a url"))

    assert_error_shown(response, "themes", "Choose at least one cluster.")
    assert_error_shown(response, "website", "Enter a valid URL.")
    assert_nothing_created()


def test_a_theme_suggestion_needs_a_theme(client, forms):
    response = client.post("/en/join/suggest-a-theme/", theme_data(proposed_theme=""))

    assert_error_shown(response, "proposed_theme", "This field is required.")
    assert_nothing_created()


def test_the_answers_given_stay_filled_in_after_an_error(client, forms):
    response = client.post("/en/join/city/", city_data(forms, applicant_email="wrong", project_title="Keep me"))

    assert 'value="Keep me"' in response.content.decode()
