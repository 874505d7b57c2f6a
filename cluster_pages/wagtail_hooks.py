from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import CaseStudyDraftView, inspect_buttons
from .leadership.viewsets import register_log_actions
from .membership.privacy import member_account_data, member_account_erase
from .models import CaseStudyIndexPage
from .moderation import case_study_workflow_assign
from .viewsets import ApplicationsGroup, ContactViewSet, FooterViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(ContactViewSet)
register_snippet(FooterViewSet)


@hooks.register("after_create_page")
def assign_case_study_workflow(request, page):
    if isinstance(page.specific, CaseStudyIndexPage):
        case_study_workflow_assign(index_page=page)


# -- who leads a cluster, and case-study drafts from active applications -----------------------------------


@hooks.register("register_log_actions")
def register_cluster_leadership_log_actions(actions):
    register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_case_study_draft_url():
    return [
        path(
            "cluster-pages/city-applications/<int:pk>/draft-case-study/",
            CaseStudyDraftView.as_view(),
            name="cluster_pages_case_study_draft",
        )
    ]


@hooks.register("workflow_forms_inspect_buttons")
def draft_case_study_button(application, request):
    return inspect_buttons(application, request)


@hooks.register("register_admin_viewset")
def register_applications_workspace():
    return ApplicationsGroup()


# -- an applicant's personal data: their member account --------------------------------------------------


@hooks.register("workflow_forms_export_applicant_data")
def export_member_account(*, email, submissions):
    return member_account_data(email=email, submissions=submissions)


@hooks.register("workflow_forms_erase_applicant")
def erase_member_account(*, email, submissions):
    return member_account_erase(email=email, submissions=submissions)
