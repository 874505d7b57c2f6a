"""Create the editorial and reviewing groups with their Wagtail permissions, and the
"Case study review" moderation workflow. Runs on every database, demo content or not."""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Communications": ["add_page", "change_page", "lock_page"],
}
COLLECTION_PERMISSIONS = {
    "Editors": ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    "Communications": ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
}
MODEL_PERMISSIONS = {
    "Editors": [
        ("cluster_pages", "add_person"), ("cluster_pages", "change_person"), ("cluster_pages", "delete_person"),
        ("cluster_pages", "add_contact"), ("cluster_pages", "change_contact"), ("cluster_pages", "delete_contact"),
        ("cluster_pages", "change_sitesettings"),
    ],
    "Communications": [
        ("cluster_pages", "add_person"), ("cluster_pages", "change_person"),
        ("cluster_pages", "add_contact"), ("cluster_pages", "change_contact"),
        ("cluster_pages", "change_sitesettings"),
    ],
    "Reviewers": [],
    "Coordinators": [],
    "Cluster leaders": [],
}
WORKFLOW_NAME = "Case study review"
TASK_NAME = "Editors approve"


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {}
    for name, model_permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for app_label, codename in model_permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
                )
        if root_collection is not None:
            for codename in COLLECTION_PERMISSIONS.get(name, []):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=Permission.objects.get(codename=codename)
                )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_content_type)
    task.groups.add(groups["Editors"])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=Task.objects.get(pk=task.pk), defaults={"sort_order": 0})

    # Wagtail's own "Moderators approval" workflow covers every other page; let editors approve
    # there too, so what communications staff submit never waits on an empty group.
    for default_task in GroupApprovalTask.objects.exclude(pk=task.pk):
        default_task.groups.add(groups["Editors"])


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
