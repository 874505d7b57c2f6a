from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import CaseStudyIndexPage
from .moderation import case_study_workflow_assign
from .viewsets import ApplicationsGroup, ContactViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(ContactViewSet)


@hooks.register("after_create_page")
def assign_case_study_workflow(request, page):
    if isinstance(page.specific, CaseStudyIndexPage):
        case_study_workflow_assign(index_page=page)


# -- what activation does (cluster leaders' group, case-study drafts) ---------------------------


@hooks.register("after_publish_page")
def add_cluster_leaders_to_their_group(request, page):
    from .membership import cluster_leaders_group_join
    from .models import ThematicClusterPage

    if isinstance(page.specific, ThematicClusterPage):
        cluster_leaders_group_join(users=page.specific.leader_users.all())


@hooks.register("register_admin_urls")
def register_case_study_draft_url():
    from django.urls import path

    from .admin_views import CaseStudyDraftView

    return [
        path(
            "cluster-pages/city-applications/<int:pk>/draft-case-study/",
            CaseStudyDraftView.as_view(),
            name="cluster_pages_case_study_draft",
        )
    ]


@hooks.register("workflow_forms_inspect_buttons")
def draft_case_study_button(application, request):
    from .admin_views import inspect_buttons

    return inspect_buttons(application, request)


@hooks.register("register_admin_viewset")
def register_applications_workspace():
    return ApplicationsGroup()
