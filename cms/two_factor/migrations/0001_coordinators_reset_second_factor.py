"""Coordinators may reset a staff member's authenticator app (django-otp's delete permission on TOTP devices)."""

from django.db import migrations

CODENAME = "delete_totpdevice"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("otp_totp")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="otp_totp", codename=CODENAME))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="otp_totp", codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0002_editorial_groups"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
