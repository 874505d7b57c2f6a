"""Passkeys (WebAuthn) beside the authenticator app, through django-otp-webauthn's views and scripts.

A passkey is a second factor only (``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN`` is off): it is offered at the code
step after the password, and it can stand in for a code where the account page asks for one again (new backup
codes). It is added from "Account › Two-factor authentication" by a session that gave its second factor, and
only beside an authenticator app, which with its backup codes stays the way back in when a passkey is lost.
"""

import time

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from . import policy, services

#: When this session last gave a passkey; "make new backup codes" accepts it for ``CONFIRMATION_SECONDS``.
PASSKEY_CONFIRMED_SESSION_KEY = "two_factor_passkey_confirmed_at"
CONFIRMATION_SECONDS = 5 * 60


class NotAllowedHere(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("Give your second factor first, and set up an authenticator app before adding a passkey.")
    default_code = "passkey_not_allowed"


class _Registration:
    def check_can_register(self):
        user = self.request.user
        if not (user.has_perm("wagtailadmin.access_admin") and user.is_verified() and policy.authenticator_for(user)):
            raise NotAllowedHere()


class RegistrationBegin(_Registration, BeginCredentialRegistrationView):
    """The options for the browser to make a passkey for the signed-in, verified staff member."""


class RegistrationComplete(_Registration, CompleteCredentialRegistrationView):
    """Saves the passkey the browser made, then logs it and mails the account."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        credential = WebAuthnCredential.objects.filter(user=self.request.user).order_by("-pk").first()
        services.passkey_added(user=self.request.user, credential=credential)
        messages.success(self.request, _("Passkey added. You can use it at your next sign-in instead of a code."))
        return response


class _SignedInOnly:
    """The password comes first: a passkey is never a way in on its own here."""

    def check_can_authenticate(self):
        user = self.request.user
        if not user.is_authenticated or not user.is_active:
            raise exceptions.PasswordlessLoginDisabled()


class AuthenticationBegin(_SignedInOnly, BeginCredentialAuthenticationView):
    """The challenge for one of the signed-in user's passkeys."""


class AuthenticationComplete(_SignedInOnly, CompleteCredentialAuthenticationView):
    """Checks the passkey's answer: at the code step the session is verified from now on; asked again by a
    verified session (the account page), it may make new backup codes for a few minutes."""

    def complete_auth(self, device):
        asked_again = self.request.user.is_verified()
        super().complete_auth(device)
        if asked_again:
            self.request.session[PASSKEY_CONFIRMED_SESSION_KEY] = time.time()

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")


def passkey_confirmed_recently(request, *, keep: bool = False) -> bool:
    """Whether this session gave a passkey in the last few minutes; asking uses the confirmation up unless ``keep``."""
    session = request.session
    confirmed_at = session.get(PASSKEY_CONFIRMED_SESSION_KEY)
    if not keep:
        session.pop(PASSKEY_CONFIRMED_SESSION_KEY, None)
    return confirmed_at is not None and 0 <= time.time() - confirmed_at <= CONFIRMATION_SECONDS


urlpatterns = [
    path("registration/begin/", RegistrationBegin.as_view(), name="credential-registration-begin"),
    path("registration/complete/", RegistrationComplete.as_view(), name="credential-registration-complete"),
    path("authentication/begin/", AuthenticationBegin.as_view(), name="credential-authentication-begin"),
    path("authentication/complete/", AuthenticationComplete.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
#: Reached before the second factor is given: the code step's passkey button and its script's translations.
OPEN_URL_NAMES = {"credential-authentication-begin", "credential-authentication-complete", "js-i18n-catalog"}
