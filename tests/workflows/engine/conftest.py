"""Fixtures for the transition engine: applications in any state and one actor per role.

The engine is tested on the plugin's concrete default ``Application`` with the test site's ``TeamPage`` as
the target (``clusters`` in ``tests/workflows/conftest.py``), through the plugin's default override points
(the page's ``accepts_applications``) and the test site's target adapter (its leaders). The plugin's default
kind declares no assignable page types (each kind declares its own), so ``assignable_clusters`` gives it the
team pages.
"""

import itertools
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from workflows.models import Application, ApplicationState, InternalNote, Notification, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import perform_transition
from workflows.tokens import token_generate, token_hash

from ..factories import UserFactory

S = ApplicationState
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def assignable_clusters(monkeypatch):
    monkeypatch.setattr(Application, "assignable_page_types", ("workflows_testapp.TeamPage",))


@dataclass
class Applied:
    """An application as a test holds it, with the status token only its applicant knows."""

    application: Application
    token: str

    def reload(self) -> Application:
        return Application.objects.get(pk=self.application.pk)


def make_leader(cluster, user):
    cluster.leaders.add(user)
    return user


@pytest.fixture
def leader(cluster_leader, clusters):
    """Leads Smart Mobility, where ``make_application`` assigns applications by default."""
    return make_leader(clusters.mobility, cluster_leader)


@pytest.fixture
def other_leader(clusters):
    """Leads Water: no say over applications assigned to Smart Mobility."""
    return make_leader(clusters.water, UserFactory(username="water-leader", groups=["Cluster leaders"]))


@pytest.fixture
def make_application(db, request):
    """An application in ``state``; assigned and active ones (and their successors) sit in Smart Mobility."""

    def make(state=S.SUBMITTED, *, assigned_to="default", email="mayor@seoul.example", name="Kim Min-jun"):
        if assigned_to == "default":
            in_cluster = state in (S.ASSIGNED, S.ACTIVE, S.ENDED)
            assigned_to = request.getfixturevalue("clusters").mobility if in_cluster else None
        token = token_generate()
        application = Application.objects.create(
            applicant_name=name,
            applicant_email=email,
            state=state,
            assigned_to=assigned_to,
            status_token_hash=token_hash(token),
            fingerprint=f"test-{next(_numbers)}",
        )
        application.reference = f"AP-2026-{application.pk:06d}"
        application.save(update_fields=["reference"])
        return Applied(application=application, token=token)

    return make


@pytest.fixture
def actors(request):
    """How each role calls perform_transition on an application: ``actors["reviewer"](applied)``.

    Users (and the clusters the leaders lead) are made when a test first uses the role.
    """

    def user(fixture_name):
        return lambda applied: {"user": request.getfixturevalue(fixture_name)}

    return {
        "reviewer": user("reviewer"),
        "coordinator": user("coordinator"),
        "leader of the cluster": user("leader"),
        "leader of another cluster": user("other_leader"),
        "editor": user("editor"),
        "anonymous visitor": lambda applied: {"user": AnonymousUser()},
        "nobody": lambda applied: {},
        "applicant": lambda applied: {"applicant_token": applied.token},
        "wrong token": lambda applied: {"applicant_token": token_generate()},
    }


class _ValidInputs(dict):
    def __init__(self, request):
        super().__init__(
            review={},
            request_changes={"message": "Please describe the project's budget."},
            resubmit={"answers": {"budget": {"label": "Budget", "value": "2 million EUR"}}},
            activate={},
            reject={"note": "Outside the programme's scope.", "message": "We cannot accept it this year."},
            withdraw={"confirm": True},
            end={"note": "The city left the network."},
            reopen={"note": "The applicant clarified the scope."},
        )
        self._request = request

    def __missing__(self, name):
        if name != "assign":
            raise KeyError(name)
        return {"target": self._request.getfixturevalue("clusters").mobility, "note": "Fits the mobility roadmap."}


@pytest.fixture
def valid_inputs(request):
    """Everything each transition needs, so a test can vary only the actor or the state."""
    return _ValidInputs(request)


def footprint(application) -> dict:
    """Everything a refused transition must leave untouched."""
    from wagtail.models import ModelLogEntry

    fresh = Application.objects.get(pk=application.pk)
    records = records_filter(fresh)
    return {
        "state": fresh.state,
        "assigned_to": fresh.assigned_to_id,
        "state_changed_at": fresh.state_changed_at,
        "answers": fresh.answers,
        "logs": TransitionLog.objects.filter(**records).count(),
        "notes": InternalNote.objects.filter(**records).count(),
        "notifications": Notification.objects.filter(**records).count(),
        "wagtail_logs": ModelLogEntry.objects.filter(
            content_type=records["content_type"], object_id=str(fresh.pk)
        ).count(),
    }


@pytest.fixture
def perform(django_capture_on_commit_callbacks):
    """perform_transition with the after-commit work (sending mail) run, as it is outside a test."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return perform_transition(**kwargs)

    return run
