from django.apps import AppConfig


class WorkflowsTestAppConfig(AppConfig):
    """A tiny site for the plugin's own tests: one kind, its form page and the pages it is assigned to."""

    name = "tests.workflows.testapp"
    label = "workflows_testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from workflows.adapters import register_target

        from .adapters import TeamAdapter
        from .models import TeamPage

        register_target(TeamPage, TeamAdapter())
