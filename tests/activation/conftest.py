"""Fixtures for what activation does: clusters with leaders (granted through the leadership service), and
city/company applications moved through the engine's one service (review → assign → activate) by a coordinator."""

import itertools
from types import SimpleNamespace

import pytest

from cluster_pages.leadership import cluster_leadership_grant
from cluster_pages.models import CityApplication, ClusterStatus, CompanyRegistration
from cluster_pages.moderation import case_study_workflow_assign
from tests.factories import ThematicClusterPageFactory, UserFactory
from workflows.models import ApplicationState
from workflows.services import perform_transition
from workflows.tokens import token_generate, token_hash

_numbers = itertools.count(1)


@pytest.fixture
def clusters(site_tree):
    mobility = ThematicClusterPageFactory(
        parent=site_tree.clusters,
        title="Smart Mobility",
        slug="smart-mobility",
        status=ClusterStatus.ACTIVE,
        discussion_url="https://forum.example.org/smart-mobility",
    )
    water = ThematicClusterPageFactory(
        parent=site_tree.clusters, title="Water", slug="water", status=ClusterStatus.FORMING
    )
    case_study_workflow_assign(index_page=site_tree.case_studies)
    return SimpleNamespace(mobility=mobility, water=water)


@pytest.fixture
def mobility_leader(clusters):
    user = UserFactory(username="mobility-leader", groups=["Cluster leaders"])
    cluster_leadership_grant(cluster=clusters.mobility, user=user, granted_by=None)
    return user


@pytest.fixture
def water_leader(clusters):
    user = UserFactory(username="water-leader", groups=["Cluster leaders"])
    cluster_leadership_grant(cluster=clusters.water, user=user, granted_by=None)
    return user


def _common(email, name):
    return {
        "applicant_name": name,
        "applicant_email": email,
        "role": "Director",
        "status_token_hash": token_hash(token_generate()),
        "fingerprint": f"activation-test-{next(_numbers)}",
    }


def city_application(
    *, city="Seoul", country="KR", email=None, name="Kim Min-ji", consent=True, state=None, assigned_to=None, **extra
):
    """A city application saved as if submitted (or created directly in ``state``, for bulk data)."""
    fields = {
        "city": city,
        "country": country,
        "organisation": f"City of {city}",
        "project_title": extra.pop("project_title", f"{city} mobility data hub"),
        "project_description": extra.pop("project_description", f"What {city} built."),
        "project_status": extra.pop("project_status", "launched"),
        "partners_sought": "Cities with similar projects.",
        "consent_public_listing": consent,
        "consent_privacy": True,
        **_common(email or f"{city.lower().replace(' ', '-')}@cities.example.org", name),
    }
    if state is not None:
        fields.update(state=state, assigned_to=assigned_to)
    application = CityApplication.objects.create(**fields, **extra)
    application.reference = f"CA-2026-{application.pk:06d}"
    application.save(update_fields=["reference"])
    return application


def company_registration(
    *,
    name="Urban Sensors GmbH",
    country="DE",
    email=None,
    consent=True,
    state=None,
    assigned_to=None,
    organisation_type="company",
):
    fields = {
        "organisation_type": organisation_type,
        "company_name": name,
        "country": country,
        "website": f"https://{name.split()[0].lower()}.example.org",
        "solution_name": "AirGrid",
        "solution_description": "Sensors.",
        "reference_projects": "Hamburg",
        "consent_public_listing": consent,
        "consent_privacy": True,
        **_common(email or f"{name.split()[0].lower()}@companies.example.org", "Anna Schmidt"),
    }
    if state is not None:
        fields.update(state=state, assigned_to=assigned_to)
    registration = CompanyRegistration.objects.create(**fields)
    registration.reference = f"CR-2026-{registration.pk:06d}"
    registration.save(update_fields=["reference"])
    return registration


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """perform_transition with the after-commit work (sending mail) run, as outside a test."""

    def transition(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return perform_transition(**kwargs)

    return transition


@pytest.fixture
def activate(run, coordinator):
    """Move an application to active in ``cluster`` through the engine, as the coordinator."""

    def move(application, cluster, *, by=None):
        application = run(application=application, name="review", user=coordinator)
        application = run(application=application, name="assign", user=coordinator, target=cluster, note="Fits.")
        application = run(application=application, name="activate", user=by or coordinator)
        assert application.state == ApplicationState.ACTIVE
        return application

    return move


@pytest.fixture
def end(run, coordinator):
    def move(application, *, by=None):
        return run(application=application, name="end", user=by or coordinator, note="Left the network.")

    return move
