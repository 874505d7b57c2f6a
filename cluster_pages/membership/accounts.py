"""Members' user accounts: one per e-mail address, created on their first activation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

CLUSTER_LEADERS_GROUP = "Cluster leaders"


def member_account_find(*, email: str):
    """The account for ``email``: the one whose username is the address, else the oldest with that e-mail."""
    User = get_user_model()
    email = email.strip()
    return (
        User.objects.filter(username__iexact=email).order_by("pk").first()
        or User.objects.filter(email__iexact=email).order_by("pk").first()
    )


def _split_name(full_name: str) -> tuple[str, str]:
    first, _space, last = " ".join(full_name.split()).partition(" ")
    User = get_user_model()
    return first[: User._meta.get_field("first_name").max_length], last[: User._meta.get_field("last_name").max_length]


def member_account_ensure(*, email: str, full_name: str):
    """(user, created): the existing account for ``email`` or a new one with an unusable password.

    New accounts are named after the e-mail (username = address) and get their first and last name from
    ``full_name``; they set a password through the invitation's link.
    """
    user = member_account_find(email=email)
    if user is not None:
        return user, False
    first_name, last_name = _split_name(full_name)
    user = get_user_model()(username=email.strip(), email=email.strip(), first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    return user, True


def cluster_leaders_group_join(*, users) -> None:
    """Put leader accounts in the "Cluster leaders" group (it gives them the admin access their role needs)."""
    group = Group.objects.filter(name=CLUSTER_LEADERS_GROUP).first()
    if group is None:
        raise Group.DoesNotExist(
            f"The {CLUSTER_LEADERS_GROUP!r} group is missing: run `manage.py migrate` (cluster_pages 0002 creates it)."
        )
    for user in users:
        user.groups.add(group)
