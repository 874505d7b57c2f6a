"""Editors and communications staff keep editing the footer now that it is a snippet (they could when it was part
of the site settings), and both may translate pages and snippets with wagtail-localize (its own migration gives
that to Editors only)."""

from django.db import migrations

GRANTS = {
    "Editors": [
        ("cluster_pages", "add_footer"),
        ("cluster_pages", "change_footer"),
        ("cluster_pages", "delete_footer"),
        ("wagtail_localize", "submit_translation"),
    ],
    "Communications": [
        ("cluster_pages", "add_footer"),
        ("cluster_pages", "change_footer"),
        ("wagtail_localize", "submit_translation"),
    ],
}


def permissions(apps, group_name):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in GRANTS[group_name]
    ]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    app_config = apps.get_app_config("cluster_pages")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for group_name in GRANTS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*permissions(apps, group_name))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        footer = [permission for permission in permissions(apps, group.name) if permission.codename.endswith("_footer")]
        group.permissions.remove(*footer)
    communications = Group.objects.filter(name="Communications").first()
    if communications is not None:  # Editors had it from wagtail-localize before: they keep it
        communications.permissions.remove(*permissions(apps, "Communications")[-1:])


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0022_remove_site_settings_footer_text_and_links"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
