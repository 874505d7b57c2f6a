"""Signing in on the public site: members by e-mail address, staff by username too; the password-reset form."""

import unicodedata

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from .accounts import member_account_find


class EmailOrUsernameBackend(ModelBackend):
    """Django's model backend that also finds an account by its e-mail address, in any letter case.

    Members' accounts are named after their e-mail address (see ``member_account_ensure``), so the address
    finds the same account the invitation was sent to; a value without "@" is a username, as for staff.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None or "@" not in username:
            return super().authenticate(request, username=username, password=password, **kwargs)
        user = member_account_find(email=username)
        if user is None:
            get_user_model()().set_password(password)  # as long as a real check: no hint which addresses exist
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class MemberLoginForm(AuthenticationForm):
    """Django's login form asking for the e-mail address, with a message that says what to do."""

    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address our invitation was sent to. Staff may use their username."),
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "username",
                "inputmode": "email",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or the password is not right. Check both and try again, or reset your password."
        ),
        "inactive": _("This account is disabled. Please contact the secretariat."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")  # AuthenticationForm names it after USERNAME_FIELD
        self.fields["password"].label = _("Password")


class MemberPasswordResetForm(PasswordResetForm):
    """Django's reset form; members who have not set a password yet may also ask for a link to set one.

    Django skips accounts with an unusable password; here those are members whose invitation went unused
    or expired, and a new link is what they need. Disabled accounts still get nothing.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
    )

    def get_users(self, email):
        User = get_user_model()
        field = User.get_email_field_name()
        candidates = User._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})
        # As Django does: the database's case-insensitive match is not Unicode's (think "ß" and "ss").
        return (user for user in candidates if _same_address(email, getattr(user, field)))


def _same_address(first: str, second: str) -> bool:
    return unicodedata.normalize("NFKC", first).casefold() == unicodedata.normalize("NFKC", second).casefold()
