"""Coordinators may erase an applicant's personal data (the workflow-forms plugin's permission)."""

from django.db import migrations

CODENAME = "erase_applicant_data"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("workflow_forms")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="workflow_forms", codename=CODENAME))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="workflow_forms", codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0010_event_times"),
        ("workflow_forms", "0004_erase_applicant_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
