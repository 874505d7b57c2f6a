"""Fixtures for the reviewer workspace: clusters, applications of each kind in any state, one user per role.

Data is built with the ORM and the engine's services; only the behaviour under test goes through HTTP.
Leaders: a ClusterLeadership row per leader; the clusters' target adapter answers ``pages_managed_by``.
"""

import itertools
from types import SimpleNamespace

import pytest
from django.urls import reverse

from cluster_pages.models import (
    CityApplication,
    ClusterLeadership,
    ClusterStatus,
    CompanyRegistration,
    ThematicClusterPage,
    ThemeSuggestion,
)
from tests.factories import ThematicClusterPageFactory, UserFactory
from workflows.adapters import TargetAdapter, target_adapter
from workflows.models import ApplicationState
from workflows.services import perform_transition
from workflows.tokens import token_generate, token_hash

S = ApplicationState
_numbers = itertools.count(1)
ROLES = ["reviewer", "coordinator", "leader", "other_leader", "editor", "communications"]


def make_leader(page, user):
    ClusterLeadership.objects.create(cluster=page, user=user)


@pytest.fixture
def clusters(site_tree):
    return SimpleNamespace(
        mobility=ThematicClusterPageFactory(
            parent=site_tree.clusters, title="Smart Mobility", status=ClusterStatus.ACTIVE
        ),
        water=ThematicClusterPageFactory(parent=site_tree.clusters, title="Water", status=ClusterStatus.FORMING),
    )


@pytest.fixture
def leader(cluster_leader, clusters):
    """Leads Smart Mobility."""
    make_leader(clusters.mobility, cluster_leader)
    return cluster_leader


@pytest.fixture
def other_leader(clusters):
    """Leads Water: no say over (nor sight of) Smart Mobility's applications."""
    user = UserFactory(username="water-leader", groups=["Cluster leaders"])
    make_leader(clusters.water, user)
    return user


@pytest.fixture
def users(reviewer, coordinator, leader, other_leader, editor, communications):
    return {
        "reviewer": reviewer,
        "coordinator": coordinator,
        "leader": leader,
        "other_leader": other_leader,
        "editor": editor,
        "communications": communications,
    }


def _identity():
    number = next(_numbers)
    token = token_generate()
    return {"status_token_hash": token_hash(token), "fingerprint": f"workspace-{number}"}


def _with_reference(submission):
    submission.reference = f"{submission.reference_prefix}-2026-{submission.pk:06d}"
    submission.save(update_fields=["reference"])
    return submission


@pytest.fixture
def make_city_application(db, clusters):
    """A city application in ``state``; assigned ones (and later states) sit in ``assigned_to`` (Smart Mobility)."""

    def make(state=S.SUBMITTED, *, assigned_to="default", city="Seoul", country="KR", name="Kim Min-jun", **fields):
        if assigned_to == "default":
            assigned_to = clusters.mobility if state in (S.ASSIGNED, S.ACTIVE, S.ENDED) else None
        interests = fields.pop("interests", [clusters.mobility])
        application = CityApplication.objects.create(
            state=state,
            assigned_to=assigned_to,
            applicant_name=name,
            applicant_email=fields.pop("email", f"{city.lower()}@city.example"),
            city=city,
            country=country,
            role="Director",
            organisation=fields.pop("organisation", f"City of {city}"),
            project_title=fields.pop("project_title", f"{city} bus priority"),
            project_description=fields.pop("project_description", "Signals that let buses through first."),
            project_status="concept",
            partners_sought="Universities",
            consent_privacy=True,
            **_identity(),
            **fields,
        )
        application.clusters.set(interests)
        return _with_reference(application)

    return make


@pytest.fixture
def make_company_registration(db, clusters):
    def make(state=S.SUBMITTED, *, assigned_to=None, company="Acme Mobility", country="DE", **fields):
        registration = CompanyRegistration.objects.create(
            state=state,
            assigned_to=assigned_to,
            applicant_name="Erika Muster",
            applicant_email="erika@acme.example",
            organisation_type="company",
            company_name=company,
            country=country,
            website="https://acme.example",
            role="CEO",
            solution_name="Fleet planner",
            solution_description="Plans fleets.",
            reference_projects="Berlin",
            consent_privacy=True,
            **_identity(),
            **fields,
        )
        registration.themes.set([clusters.mobility])
        return _with_reference(registration)

    return make


@pytest.fixture
def make_theme_suggestion(db):
    def make(theme="Night-time economy"):
        suggestion = ThemeSuggestion.objects.create(
            applicant_name="Ana",
            applicant_email="ana@example.org",
            organisation="Lisbon",
            proposed_theme=theme,
            why_it_matters="Cities at night.",
            interested_cities="Lisbon",
            **_identity(),
        )
        return _with_reference(suggestion)

    return make


@pytest.fixture
def move(django_capture_on_commit_callbacks):
    """perform_transition as the engine runs it (after-commit work included)."""

    def run(application, name, user, **inputs):
        with django_capture_on_commit_callbacks(execute=True):
            return perform_transition(application=application, name=name, user=user, **inputs)

    return run


class Urls:
    """The workspace's admin URLs for each kind."""

    def __init__(self, name):
        self.name = name

    def index(self):
        return reverse(f"{self.name}:index")

    def inspect(self, obj):
        return reverse(f"{self.name}:inspect", args=(obj.pk,))

    def history(self, obj):
        return reverse(f"{self.name}:history", args=(obj.pk,))

    def transition(self, obj, name):
        return reverse(f"{self.name}:transition", args=(obj.pk, name))

    def bulk(self, transition, *rows):
        """The bulk action's confirmation step for ``rows`` (as the listing's footer links to it)."""
        ids = "&".join(f"id={row.pk}" for row in rows)
        return f"{reverse(f'{self.name}:bulk', args=(transition,))}?{ids}"

    def note(self, obj):
        return reverse(f"{self.name}:note", args=(obj.pk,))


@pytest.fixture
def city_urls():
    return Urls("city_applications")


@pytest.fixture
def company_urls():
    return Urls("company_registrations")


@pytest.fixture
def theme_urls():
    return Urls("theme_suggestions")


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


assert type(target_adapter(ThematicClusterPage)) is not TargetAdapter, "the leader tests need the clusters' adapter"


@pytest.fixture
def city_criteria(db):
    """Three criteria city applications are scored on, as the demo content has them."""
    from django.contrib.contenttypes.models import ContentType

    from workflows.models import AssessmentCriterion

    kind = ContentType.objects.get_for_model(CityApplication)
    return [
        AssessmentCriterion.objects.create(kind=kind, name=name, sort_order=order)
        for order, name in enumerate(["Relevance to the cluster", "Maturity", "Transferability"], start=1)
    ]


@pytest.fixture
def assess(django_capture_on_commit_callbacks):
    """Ask ``reviewers`` for assessments of ``row`` (as ``by``), and have ``reviewer`` give one."""
    from workflows.services.assessments import assessment_give, assessments_request

    class Assess:
        @staticmethod
        def ask(row, reviewers, by):
            with django_capture_on_commit_callbacks(execute=True):
                return assessments_request(submission=row, reviewers=reviewers, user=by)

        @staticmethod
        def give(row, reviewer, criteria, scores, recommendation="accept", comment=""):
            return assessment_give(
                submission=row,
                user=reviewer,
                scores=dict(zip([criterion.pk for criterion in criteria], scores, strict=True)),
                recommendation=recommendation,
                comment=comment,
            )

    return Assess()


def assessment_url(urls, obj):
    return reverse(f"{urls.name}:assessment", args=(obj.pk,))


def assessment_request_url(urls, obj=None):
    if obj is None:
        return reverse(f"{urls.name}:assessment_request_bulk")
    return reverse(f"{urls.name}:assessment_request", args=(obj.pk,))
