from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowFormsConfig(AppConfig):
    """The workflow-forms plugin: CMS forms whose submissions move through a state machine."""

    name = "workflows"
    label = "workflow_forms"
    verbose_name = _("Workflow forms")

    def ready(self):
        # Imported here, as Django wants: both modules import models, which are loaded only now.
        from . import places_adapter
        from .api import register

        # The headless API joins Wagtail's API v3 here, before its URLs are built (cms/urls.py reads them).
        register()
        # Registered for the abstract parent, so a site's adapter for a concrete registration kind (a
        # RegistrationKindAdapter subclass) is nearer and wins, whichever app's ready() runs first.
        places_adapter.register()
