"""The footer gets drafts, revisions, preview and review ("Footer review": editors approve); the footers that
exist stay live, as published now. Editors may publish footers; Site settings (with the privacy notice the forms'
consent box links to) are for editors only: communications staff lose them."""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

WORKFLOW_NAME = "Footer review"
TASK_NAME = "Editors approve"


def footer_permission(apps, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="cluster_pages", model="footer")
    # Wagtail creates the publish permission after migrating; the groups need it now.
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return content_type, permission


def site_settings_permission(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="cluster_pages", codename="change_sitesettings").first()


def forward(apps, schema_editor):
    Footer = apps.get_model("cluster_pages", "Footer")
    Group = apps.get_model("auth", "Group")
    now = timezone.now()
    Footer.objects.filter(first_published_at__isnull=True).update(
        live=True, first_published_at=now, last_published_at=now
    )

    content_type, publish = footer_permission(apps, "publish_footer", "Can publish footer")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(publish)
    change_settings = site_settings_permission(apps)
    if change_settings is not None:
        for group in Group.objects.filter(name="Communications"):
            group.permissions.remove(change_settings)

    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        return
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=Task.objects.get(pk=task.pk), defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type, publish = footer_permission(apps, "publish_footer", "Can publish footer")
    WorkflowContentType.objects.filter(content_type=content_type).delete()
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(publish)
    change_settings = site_settings_permission(apps)
    if change_settings is not None:
        for group in Group.objects.filter(name="Communications"):
            group.permissions.add(change_settings)


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0025_partner_registrations_by_organisation_type"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="footer",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="footer",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="footer",
            name="first_published_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
        ),
        migrations.AddField(
            model_name="footer",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="footer",
            name="has_unpublished_changes",
            field=models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
        ),
        migrations.AddField(
            model_name="footer",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="footer",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="footer",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="footer",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
