"""What the site holds about an applicant beyond their applications: the member account made on activation.

Registered with the workflow-forms plugin's personal-data hooks in ``cluster_pages/wagtail_hooks.py``.
"""

from django.utils.translation import gettext as _

from .accounts import member_account_find


def _member_account(email: str):
    """The member account for ``email``; never a staff account (staff leave through their administrators)."""
    user = member_account_find(email=email) if email else None
    if user is None or user.is_staff or user.is_superuser:
        return None
    return user


def member_account_data(*, email: str, submissions) -> dict:
    """The account's own data for the applicant's export."""
    user = _member_account(email)
    if user is None:
        return {}
    return {
        "member_account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(group.name for group in user.groups.all()),
        }
    }


def member_account_erase(*, email: str, submissions) -> list[str]:
    """Delete the member account (its group memberships go with it); the applications stay, anonymised."""
    user = _member_account(email)
    if user is None:
        return []
    user.delete()
    return [_("Deleted the member account.")]
