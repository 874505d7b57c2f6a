from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import CaseStudyIndexPage
from .moderation import case_study_workflow_assign
from .viewsets import ContactViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(ContactViewSet)


@hooks.register("after_create_page")
def assign_case_study_workflow(request, page):
    if isinstance(page.specific, CaseStudyIndexPage):
        case_study_workflow_assign(index_page=page)
