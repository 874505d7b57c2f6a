from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowFormsConfig(AppConfig):
    """The workflow-forms plugin: CMS forms whose submissions move through a state machine."""

    name = "workflows"
    label = "workflow_forms"
    verbose_name = _("Workflow forms")

    def ready(self):
        # The headless API joins Wagtail's API v3 here, before its URLs are built (cms/urls.py reads them).
        from .api import register

        register()
