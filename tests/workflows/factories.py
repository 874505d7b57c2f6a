"""Users for the plugin's tests, in groups holding the plugin's permissions (no site migration needed)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

TEST_PASSWORD = "correct horse battery staple"

REVIEWER_PERMISSIONS = [
    "workflow_forms.view_application",
    "workflow_forms.review_application",
    "workflow_forms.request_changes_application",
    "workflow_forms.reject_application",
    "workflow_forms.add_internal_note",
]
#: What each group may do; "Editors" and "Cluster leaders" are staff without any application permission
#: (a leader acts only on applications assigned to a page they lead).
GROUP_PERMISSIONS = {
    "Reviewers": ["wagtailadmin.access_admin", *REVIEWER_PERMISSIONS],
    "Coordinators": [
        "wagtailadmin.access_admin",
        *REVIEWER_PERMISSIONS,
        "workflow_forms.assign_application",
        "workflow_forms.activate_application",
        "workflow_forms.end_application",
        "workflow_forms.reopen_application",
        "workflow_forms.export_application",
        "workflow_forms.request_assessment",
        "workflow_forms.add_assessmentcriterion",
        "workflow_forms.change_assessmentcriterion",
        "workflow_forms.delete_assessmentcriterion",
        "workflow_forms.view_assessmentcriterion",
    ],
    "Editors": ["wagtailadmin.access_admin"],
    "Cluster leaders": ["wagtailadmin.access_admin"],
}


def group_with_permissions(name: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    for label in GROUP_PERMISSIONS.get(name, []):
        app_label, codename = label.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


class UserFactory(factory.django.DjangoModelFactory):
    """A user; ``groups=["Reviewers"]`` puts them in that group, with the plugin's permissions."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*(group_with_permissions(name) for name in names))
        if create:
            self.save()
