"""Case studies go live only after an editor approves them in the "Case study review" workflow."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cluster_pages.models import CaseStudyIndexPage, CaseStudyPage
from cluster_pages.moderation import CASE_STUDY_WORKFLOW_NAME, case_study_workflow_assign

from .factories import CaseStudyPageFactory, EventPageFactory, build_site_tree


@pytest.fixture
def tree(db):
    """A site whose case-study index goes through "Case study review", as one created in the admin does."""
    tree = build_site_tree()
    case_study_workflow_assign(index_page=tree.case_studies)
    return tree


def case_study_form(**overrides):
    data = {
        "title": "Seoul smart traffic lights",
        "slug": "seoul-traffic-lights",
        "city": "Seoul",
        "country": "KR",
        "project_status": "ongoing",
        "year": "2023",
        "summary": "Adaptive signals cut waiting times.",
        "challenge": rich_text("<p>Congestion.</p>"),
        "solution": rich_text("<p>Adaptive signals.</p>"),
        "results": rich_text(""),
        "partners": inline_formset([]),
        "gallery_images": inline_formset([]),
        "documents": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_case_study(client, tree, **actions):
    url = reverse("wagtailadmin_pages:add", args=("cluster_pages", "casestudypage", tree.case_studies.pk))
    return client.post(url, case_study_form(**actions))


def edit(client, page, **actions):
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), case_study_form(slug=page.slug, **actions))


def workflow_action(client, page, action):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": ""})


def test_communications_staff_have_no_publish_permission_on_case_studies(tree, communications):
    case_study = CaseStudyPageFactory(parent=tree.case_studies, live=False)

    permissions = case_study.permissions_for_user(communications)

    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not tree.case_studies.permissions_for_user(communications).can_publish_subpage()


def test_a_publish_request_from_communications_only_saves_a_draft(client, tree, communications):
    client.force_login(communications)

    response = add_case_study(client, tree, **{"action-publish": "action-publish"})

    assert response.status_code == 302
    case_study = CaseStudyPage.objects.get(slug="seoul-traffic-lights")
    assert not case_study.live
    assert client.get("/en/case-studies/seoul-traffic-lights/").status_code == 404


def test_publishing_an_existing_draft_is_refused_to_communications(client, tree, communications):
    case_study = CaseStudyPageFactory(parent=tree.case_studies, slug="seoul-traffic-lights", live=False)
    client.force_login(communications)

    edit(client, case_study, **{"action-publish": "action-publish"})

    case_study.refresh_from_db()
    assert not case_study.live
    assert case_study.current_workflow_state is None


def test_communications_submit_a_case_study_to_the_case_study_review(client, tree, communications):
    client.force_login(communications)

    add_case_study(client, tree, **{"action-submit": "action-submit"})

    case_study = CaseStudyPage.objects.get(slug="seoul-traffic-lights")
    assert not case_study.live
    state = case_study.current_workflow_state
    assert state.workflow.name == CASE_STUDY_WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == communications
    assert state.current_task_state.task.name == "Editors approve"


def test_an_editor_approves_a_submitted_case_study_and_it_goes_live(client, tree, communications, editor):
    client.force_login(communications)
    add_case_study(client, tree, **{"action-submit": "action-submit"})
    case_study = CaseStudyPage.objects.get(slug="seoul-traffic-lights")

    client.force_login(editor)
    response = workflow_action(client, case_study, "approve")

    assert response.status_code == 302
    case_study.refresh_from_db()
    assert case_study.live
    assert case_study.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(case_study.pk)).status == WorkflowState.STATUS_APPROVED
    client.logout()
    public = client.get("/en/case-studies/seoul-traffic-lights/")
    assert public.status_code == 200
    assert "Seoul smart traffic lights" in public.content.decode()


def test_an_editor_rejects_a_submitted_case_study_and_it_stays_offline(client, tree, communications, editor):
    client.force_login(communications)
    add_case_study(client, tree, **{"action-submit": "action-submit"})
    case_study = CaseStudyPage.objects.get(slug="seoul-traffic-lights")

    client.force_login(editor)
    workflow_action(client, case_study, "reject")

    case_study.refresh_from_db()
    assert not case_study.live
    assert WorkflowState.objects.get(object_id=str(case_study.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_communications_cannot_approve_their_own_submission(client, tree, communications):
    client.force_login(communications)
    add_case_study(client, tree, **{"action-submit": "action-submit"})
    case_study = CaseStudyPage.objects.get(slug="seoul-traffic-lights")

    response = workflow_action(client, case_study, "approve")

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")  # Wagtail's "permission denied" redirect
    case_study.refresh_from_db()
    assert not case_study.live
    assert case_study.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editors_can_publish_case_studies_directly(client, tree, editor):
    client.force_login(editor)

    add_case_study(client, tree, **{"action-publish": "action-publish"})

    assert CaseStudyPage.objects.get(slug="seoul-traffic-lights").live


def test_other_pages_submitted_by_communications_are_approved_by_editors(client, tree, communications, editor):
    event = EventPageFactory(parent=tree.events, live=False)
    event.save_revision(user=communications)
    workflow = event.get_workflow()
    assert workflow is not None and workflow.name != CASE_STUDY_WORKFLOW_NAME
    workflow.start(event, communications)
    client.force_login(editor)

    workflow_action(client, event, "approve")

    event.refresh_from_db()
    assert event.live


def test_a_case_study_index_created_in_the_admin_gets_the_case_study_review(client, superuser):
    tree = build_site_tree()
    tree.case_studies.delete()
    client.force_login(superuser)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=("cluster_pages", "casestudyindexpage", tree.home.pk)),
        nested_form_data({"title": "Best practices", "slug": "best-practices", "intro": rich_text("")}),
    )

    assert response.status_code == 302
    index = CaseStudyIndexPage.objects.get(slug="best-practices")
    assert WorkflowPage.objects.get(page=index).workflow.name == CASE_STUDY_WORKFLOW_NAME
    case_study = CaseStudyPageFactory(parent=index, live=False)
    assert case_study.get_workflow().name == CASE_STUDY_WORKFLOW_NAME


def test_other_pages_created_in_the_admin_get_no_workflow_of_their_own(client, superuser):
    tree = build_site_tree()
    client.force_login(superuser)

    client.post(
        reverse("wagtailadmin_pages:add", args=("cluster_pages", "standardpage", tree.home.pk)),
        nested_form_data({"title": "About", "slug": "about", "intro": rich_text(""), "body-count": "0"}),
    )

    assert not WorkflowPage.objects.filter(page__slug="about").exists()


def test_assigning_the_case_study_review_is_idempotent(db):
    tree = build_site_tree()

    first = case_study_workflow_assign(index_page=tree.case_studies)
    second = case_study_workflow_assign(index_page=tree.case_studies)

    assert first.pk == second.pk
    assert WorkflowPage.objects.filter(page=tree.case_studies).count() == 1
    assert first.workflow == Workflow.objects.get(name=CASE_STUDY_WORKFLOW_NAME)


def test_assigning_does_nothing_when_the_case_study_review_is_disabled(db):
    tree = build_site_tree()
    Workflow.objects.filter(name=CASE_STUDY_WORKFLOW_NAME).update(active=False)

    assert case_study_workflow_assign(index_page=tree.case_studies) is None
    assert not WorkflowPage.objects.filter(page=tree.case_studies).exists()
