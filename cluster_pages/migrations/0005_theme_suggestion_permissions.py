"""Coordinators decide theme suggestions; Reviewers and Coordinators may read them (and their files)."""

from django.db import migrations

GRANTS = {
    "Reviewers": ["view_themesuggestion"],
    "Coordinators": ["view_themesuggestion", "decide_themesuggestion"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("cluster_pages")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cluster_pages", content_type__model="themesuggestion", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="cluster_pages",
                    content_type__model="themesuggestion",
                    codename__in=codenames,
                )
            )


class Migration(migrations.Migration):
    dependencies = [("cluster_pages", "0004_application_kinds")]

    operations = [migrations.RunPython(grant, revoke)]
