"""One demo account per role, for local demonstrations only: the passwords are public, in this file."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .report import AccountRow, DemoContentError, LoadReport


@dataclass(frozen=True)
class DemoAccount:
    username: str
    group: str | None  # None: a superuser, in no group
    password: str
    first_name: str
    last_name: str

    @property
    def role(self) -> str:
        return self.group or "Superuser"


# Known passwords so a demo can start at once; never create these accounts on a public server.
DEMO_ACCOUNTS = (
    DemoAccount("admin", None, "admin-demo-2026", "Demo", "Administrator"),
    DemoAccount("editor", "Editors", "editor-demo-2026", "Demo", "Editor"),
    DemoAccount("communications", "Communications", "communications-demo-2026", "Demo", "Communications"),
    DemoAccount("reviewer", "Reviewers", "reviewer-demo-2026", "Demo", "Reviewer"),
    DemoAccount("coordinator", "Coordinators", "coordinator-demo-2026", "Demo", "Coordinator"),
    DemoAccount("leader", "Cluster leaders", "leader-demo-2026", "Demo", "Cluster leader"),
)


def demo_accounts_ensure(*, report: LoadReport) -> None:
    """Create the demo accounts, put each in its group, and reset any changed password to the documented one."""
    groups = _groups()
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        is_superuser = account.group is None
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "email": f"{account.username}@example.org",
                "first_name": account.first_name,
                "last_name": account.last_name,
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        state = "created" if created else "already present"
        changed = []
        if is_superuser and not (user.is_superuser and user.is_staff and user.is_active):
            user.is_superuser = user.is_staff = user.is_active = True
            changed.append("superuser rights restored")
        if not is_superuser and not user.is_active:
            user.is_active = True
            changed.append("reactivated")
        if created:
            user.set_password(account.password)
        elif not user.check_password(account.password):
            user.set_password(account.password)
            changed.append("password reset to the documented one")
        if created or changed:
            user.save()
        if not is_superuser and not user.groups.filter(pk=groups[account.group].pk).exists():
            user.groups.add(groups[account.group])
            if not created:
                changed.append(f"added to {account.group}")
        report.record("demo accounts", created=created)
        report.accounts.append(
            AccountRow(
                username=account.username,
                role=account.role,
                password=account.password,
                state="; ".join([state, *changed]),
            )
        )


def _groups() -> dict[str, Group]:
    names = [account.group for account in DEMO_ACCOUNTS if account.group]
    groups = {group.name: group for group in Group.objects.filter(name__in=names)}
    missing = sorted(set(names) - set(groups))
    if missing:
        raise DemoContentError(
            f"Missing group(s) {', '.join(missing)}: run `manage.py migrate` (migration cluster_pages 0002 creates "
            "them); load_initial_data never creates groups or permissions."
        )
    return groups
