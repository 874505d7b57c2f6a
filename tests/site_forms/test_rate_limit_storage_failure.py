"""The rate limit fails open: when its counter cannot be stored, a person's submission is still accepted."""

import logging

import pytest
from django.db import OperationalError

from cluster_pages.models import CityApplication, ThemeSuggestion
from workflows.cache import AtomicDatabaseCache

from .support import city_data, theme_data

pytestmark = pytest.mark.django_db


def _add_fails(self, *args, **kwargs):
    return False  # Django's DatabaseCache swallows a failed write and answers False


def _incr_finds_nothing(self, *args, **kwargs):
    raise ValueError("Key not found")


def _incr_is_locked(self, *args, **kwargs):
    raise OperationalError("database is locked")


def test_a_first_submission_is_accepted_when_the_counter_cannot_be_written(client, forms, monkeypatch, caplog):
    monkeypatch.setattr(AtomicDatabaseCache, "add", _add_fails)
    monkeypatch.setattr(AtomicDatabaseCache, "incr", _incr_finds_nothing)

    with caplog.at_level(logging.WARNING, logger="workflows.abuse"):
        response = client.post("/en/join/suggest-a-theme/", theme_data())

    assert response.status_code == 200
    assert "Too many attempts" not in response.content.decode()
    assert ThemeSuggestion.objects.count() == 1
    assert "Rate-limit counter" in caplog.text, "the failure is logged for the operator"


def test_a_locked_counter_is_no_server_error_on_the_form_or_the_api(client, forms, monkeypatch):
    monkeypatch.setattr(AtomicDatabaseCache, "add", _add_fails)
    monkeypatch.setattr(AtomicDatabaseCache, "incr", _incr_is_locked)

    assert client.post("/en/join/city/", city_data(forms)).status_code == 200
    api_answers = {key: (True if value == "on" else value) for key, value in theme_data().items()}
    response = client.post(
        f"/api/v3/workflow-forms/{forms.theme.pk}/submissions/", api_answers, content_type="application/json"
    )

    assert response.status_code == 201
    assert CityApplication.objects.count() == 1
    assert ThemeSuggestion.objects.count() == 1


def test_the_limit_still_holds_while_the_counter_works(client, forms, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    client.post("/en/join/suggest-a-theme/", theme_data())

    assert client.post("/en/join/suggest-a-theme/", theme_data(applicant_email="b@x.example")).status_code == 429
