"""The translation editor's review panel: submit a translation for review, or see where it stands."""

from django import template
from wagtail.models import WorkflowMixin, WorkflowState

from ..translation_review import SUBMIT_ACTION, may_publish, may_submit

register = template.Library()


@register.inclusion_tag("wagtail_localize/admin/includes/translation_review.html", takes_context=True)
def translation_review(context):
    """For someone who may edit but not publish: a button that submits the translation to its workflow, or the
    state of the review it is in (and what the reviewer asked for when changes were requested)."""
    request, instance = context["request"], context["instance"]
    if not isinstance(instance, WorkflowMixin) or may_publish(request.user, instance):
        return {"shown": False}
    state = instance.current_workflow_state
    task_state = state.current_task_state if state is not None else None
    return {
        "shown": True,
        "action": SUBMIT_ACTION,
        "csrf_token": context.get("csrf_token"),
        "in_review": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "workflow_name": state.workflow.name if state is not None else "",
        "task_name": task_state.task.name if task_state is not None else "",
        "comment": task_state.comment if task_state is not None else "",
        "can_submit": may_submit(request.user, instance),
        "target_language": context["target_locale"].get_display_name(),
    }
