"""The demo loader's form pages and submissions: every state reached through the services, with its log."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import ThematicClusterPage, ThemeSuggestion
from home.demo.applications import applications_ensure
from home.demo.report import LoadReport
from home.demo.submissions_data import DEMO_SUBMISSIONS
from tests.factories import StandardPageFactory, ThematicClusterPageFactory, UserFactory
from workflows.models import Application, ApplicationState, TransitionLog

pytestmark = pytest.mark.django_db

SLUGS = [
    "living-labs-for-open-innovation",
    "smart-governance",
    "digital-government-platform",
    "smart-mobility",
    "smart-utility-waste-management",
]


@pytest.fixture
def loaded(site_tree):
    UserFactory(username="reviewer", groups=["Reviewers"])
    UserFactory(username="coordinator", groups=["Coordinators"])
    join = StandardPageFactory(parent=site_tree.home, slug="join", title="How to join")
    clusters = {slug: ThematicClusterPageFactory(parent=site_tree.clusters, slug=slug) for slug in SLUGS}
    report = LoadReport()
    form_pages = applications_ensure(join=join, clusters=clusters, report=report)
    return join, clusters, form_pages, report


def test_the_three_form_pages_are_children_of_the_join_page(client, loaded):
    join, _clusters, form_pages, _report = loaded

    assert sorted(page.url_path.rsplit("/", 2)[1] for page in form_pages.values()) == [
        "city",
        "partner",
        "suggest-a-theme",
    ]
    for path in ("/en/join/city/", "/en/join/partner/", "/en/join/suggest-a-theme/"):
        assert client.get(path).status_code == 200


def test_demo_submissions_cover_every_state_and_their_logs_replay_to_it(loaded):
    states = set(Application.objects.values_list("state", flat=True))
    assert states == set(ApplicationState.values)
    assert set(ThemeSuggestion.objects.values_list("state", flat=True)) == {"submitted", "accepted", "declined"}
    assert Application.objects.count() + ThemeSuggestion.objects.count() == len(DEMO_SUBMISSIONS) >= 12

    for submission in [*(a.specific for a in Application.objects.all()), *ThemeSuggestion.objects.all()]:
        content_type = ContentType.objects.get_for_model(submission)
        logs = list(TransitionLog.objects.filter(content_type=content_type, object_id=submission.pk))
        assert logs[0].transition == "submit"
        assert all(earlier.to_state == later.from_state for earlier, later in zip(logs, logs[1:], strict=False))
        assert logs[-1].to_state == submission.state


def test_loading_again_adds_nothing(loaded):
    join, clusters, _form_pages, _report = loaded
    counts = (Application.objects.count(), ThemeSuggestion.objects.count(), TransitionLog.objects.count())

    report = LoadReport()
    applications_ensure(join=join, clusters=clusters, report=report)

    assert (Application.objects.count(), ThemeSuggestion.objects.count(), TransitionLog.objects.count()) == counts
    assert ThematicClusterPage.objects.filter(locale__language_code="en").filter(live=False).count() == 1, (
        "one accepted suggestion, one draft"
    )


def test_without_the_demo_staff_accounts_only_the_form_pages_are_loaded(site_tree):
    join = StandardPageFactory(parent=site_tree.home, slug="join", title="How to join")
    clusters = {slug: ThematicClusterPageFactory(parent=site_tree.clusters, slug=slug) for slug in SLUGS}
    report = LoadReport()

    applications_ensure(join=join, clusters=clusters, report=report)

    assert not Application.objects.exists()
    assert any("Demo applications skipped" in note for note in report.notes)
