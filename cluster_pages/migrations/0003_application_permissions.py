"""Give the reviewing groups their powers over applications (the workflow-forms plugin's permissions).

Reviewers review, request changes, reject and write internal notes; Coordinators do all of that and also
assign, activate, end, reopen and export. Cluster leaders get no model permission: they act only on
applications assigned to clusters they lead (an object-level check in the plugin)."""

from django.db import migrations

REVIEWER_CODENAMES = [
    "view_application",
    "review_application",
    "request_changes_application",
    "reject_application",
    "add_internal_note",
]
COORDINATOR_CODENAMES = REVIEWER_CODENAMES + [
    "assign_application",
    "activate_application",
    "end_application",
    "reopen_application",
    "export_application",
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (("Reviewers", REVIEWER_CODENAMES), ("Coordinators", COORDINATOR_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="workflow_forms", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0002_editorial_groups"),
        ("workflow_forms", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
