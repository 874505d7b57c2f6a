"""Attach the editors' "Case study review" workflow to case-study indexes."""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage

CASE_STUDY_WORKFLOW_NAME = "Case study review"


@transaction.atomic
def case_study_workflow_assign(*, index_page) -> WorkflowPage | None:
    """Make every case study under ``index_page`` go through "Case study review"; idempotent."""
    workflow = Workflow.objects.filter(name=CASE_STUDY_WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return None
    workflow_page, _ = WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow_page
