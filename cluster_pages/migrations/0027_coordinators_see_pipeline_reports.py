"""Coordinators see the pipeline reports of every application (leaders see their clusters' without it)."""

from django.db import migrations

CODENAMES = ["view_reports"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("workflow_forms")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="workflow_forms", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="workflow_forms", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0026_footer_drafts_and_review_site_settings_for_editors"),
        ("workflow_forms", "0010_reports_permission_and_staff_digests"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
