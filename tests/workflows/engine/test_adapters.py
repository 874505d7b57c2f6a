"""What the plugin asks of the site goes through the adapters the site registers: a kind or page model without
one gets the defaults, a subclass answers with its nearest registered ancestor's, and the kind's
``after_transition`` runs inside the transition, so its failure undoes the transition."""

import pytest

from tests.workflows.testapp.models import MembershipApplication, TeamPage
from workflows import adapters
from workflows.admin.filters import assignable_pages
from workflows.exceptions import TransitionNotAllowed
from workflows.forms import WorkflowSubmissionForm
from workflows.models import Application, ApplicationState, TransitionLog
from workflows.services import perform_transition

S = ApplicationState


@pytest.fixture
def kinds(monkeypatch):
    """The registry of kinds, restored after the test."""
    monkeypatch.setattr(adapters, "_kinds", dict(adapters._kinds))


class Recording(adapters.KindAdapter):
    def __init__(self):
        self.calls = []

    def after_transition(self, submission, *, name, actor, log_entry):
        self.calls.append((submission.pk, name, actor, log_entry.transition))


class Refusing(adapters.KindAdapter):
    def after_transition(self, submission, *, name, actor, log_entry):
        raise TransitionNotAllowed()


def test_a_kind_without_an_adapter_builds_on_the_plugins_form_and_is_assigned_to_its_page_types(clusters):
    assert adapters.kind_adapter(MembershipApplication).form_class is WorkflowSubmissionForm
    assert {page.pk for page in assignable_pages(MembershipApplication)} == {clusters.mobility.pk, clusters.water.pk}


def test_a_page_model_without_an_adapter_is_managed_by_nobody(about_page, cluster_leader):
    plain = adapters.target_adapter(type(about_page.specific))

    assert plain.managers(about_page.specific) == []
    assert list(plain.pages_managed_by(cluster_leader)) == []


def test_the_test_sites_teams_are_managed_by_their_leaders_through_its_adapter(clusters, cluster_leader):
    clusters.mobility.leaders.add(cluster_leader)

    assert adapters.target_adapter(TeamPage).managers(clusters.mobility) == [cluster_leader]


def test_a_kind_answers_with_its_nearest_registered_ancestors_adapter(kinds):
    recording = Recording()
    adapters.register_kind(Application, recording)

    assert adapters.kind_adapter(MembershipApplication) is recording


def test_the_kinds_after_transition_runs_with_the_transition_and_its_log_entry(kinds, make_application, reviewer):
    recording = Recording()
    adapters.register_kind(Application, recording)
    applied = make_application(S.SUBMITTED)

    perform_transition(application=applied.application, name="review", user=reviewer)

    assert recording.calls == [(applied.application.pk, "review", reviewer, "review")]


def test_a_failing_after_transition_undoes_the_transition_and_its_log(kinds, make_application, reviewer):
    adapters.register_kind(Application, Refusing())
    applied = make_application(S.SUBMITTED)

    with pytest.raises(TransitionNotAllowed):
        perform_transition(application=applied.application, name="review", user=reviewer)

    assert applied.reload().state == S.SUBMITTED
    assert not TransitionLog.objects.filter(object_id=applied.application.pk, transition="review").exists()
