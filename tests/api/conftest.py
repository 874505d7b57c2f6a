"""Fixtures for the headless API: the form pages, applications in chosen states, and one token per role."""

import pytest
from django.test import Client
from wagtail.models import APIToken

from tests.factories import UserFactory
from tests.site_forms.support import city_data, forms, private_media, theme_data  # noqa: F401 - fixtures
from workflows.api.forms import build_form
from workflows.services.submissions import submission_create
from workflows.services.transitions import perform_transition


class Api:
    """A JSON client for /api/v3/ with an optional bearer token."""

    def __init__(self, token=None, **headers):
        self.client = Client(**headers)
        self.token = token

    def _headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, data=None, **extra):
        return self.client.get(f"/api/v3/{path}", data, **self._headers(), **extra)

    def post(self, path, data=None, *, multipart=False, **extra):
        if multipart:
            return self.client.post(f"/api/v3/{path}", data, **self._headers(), **extra)
        return self.client.post(
            f"/api/v3/{path}",
            data if data is not None else {},
            content_type="application/json",
            **self._headers(),
            **extra,
        )


def token_for(user) -> str:
    _instance, plaintext = APIToken.create_token(user=user, name=f"{user.username} test")
    return plaintext


@pytest.fixture
def anonymous():
    return Api()


@pytest.fixture
def staff(db):
    """One user and token per role: reviewer, coordinator, leader (of no cluster unless a test makes them one),
    editor (no access to applications)."""
    users = {
        "reviewer": UserFactory(username="api-reviewer", groups=["Reviewers"]),
        "coordinator": UserFactory(username="api-coordinator", groups=["Coordinators"]),
        "leader": UserFactory(username="api-leader", groups=["Cluster leaders"]),
        "editor": UserFactory(username="api-editor", groups=["Editors"]),
    }
    return {role: (user, Api(token_for(user))) for role, user in users.items()}


def as_answers(data: dict) -> dict:
    """The HTML form's POST data as JSON answers: tick boxes as booleans, lists kept."""
    return {key: (True if value == "on" else value) for key, value in data.items()}


def city_answers(forms, **overrides):  # noqa: F811 - the fixture's value is passed in
    return as_answers(city_data(forms, **overrides))


@pytest.fixture
def submit_city(forms):  # noqa: F811
    """Create a city application like the HTML form does; return (application, token)."""

    def submit(**overrides):
        page = forms.city
        form = build_form(page, city_data(forms, **overrides))
        assert form.is_valid(), form.errors
        result = submission_create(form_page=page, cleaned_data=form.cleaned_data, files=[])
        return result.submission, result.token

    return submit


def move(application, *names, user, **params):
    """Put ``application`` through transitions as ``user`` (a coordinator), with the inputs each needs."""
    for name in names:
        kwargs = {"note": "because", "message": "please"} if name in {"reject", "end", "reopen"} else {}
        if name == "request_changes":
            kwargs = {"message": "Please add the budget."}
        if name == "assign":
            kwargs = {"target": params["target"]}
        application = perform_transition(application=application, name=name, user=user, **kwargs)
    return application
