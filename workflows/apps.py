from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowFormsConfig(AppConfig):
    """The workflow-forms plugin: CMS forms whose submissions move through a state machine."""

    name = "workflows"
    label = "workflow_forms"
    verbose_name = _("Workflow forms")
