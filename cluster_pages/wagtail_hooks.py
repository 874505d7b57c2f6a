from wagtail import hooks

from .models import CaseStudyIndexPage
from .moderation import case_study_workflow_assign


@hooks.register("after_create_page")
def assign_case_study_workflow(request, page):
    if isinstance(page.specific, CaseStudyIndexPage):
        case_study_workflow_assign(index_page=page)
