"""The second-factor pages: the code (or passkey) after the password, setting up an authenticator app, backup codes, and
resetting someone else's (Coordinators and superusers)."""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.templatetags.otp_webauthn import get_configuration
from wagtail.admin.auth import require_admin_access

from cms.security import lockout_response

from . import passkeys, policy, services
from .forms import CodeForm, EnrolCodeForm, RenewCodeForm
from .verification import code_check

NEW_CODES_SESSION_KEY = "two_factor_new_backup_codes"
ENROL_KEY_SESSION_KEY = "two_factor_enrol_key"


def _next_url(request) -> str:
    """Where to go once the code is given: the ``next`` asked for, if it is on this site, else the dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _signed_in_or_login(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    return None


@never_cache
def verify(request):
    """The code asked for after the password, from the authenticator app or a backup code."""
    refusal = _signed_in_or_login(request)
    if refusal:
        return refusal
    if request.user.is_verified():
        return redirect(_next_url(request))
    if policy.second_factor_due(request.user) == policy.SecondFactor.ENROL:
        return redirect(f"{reverse('two_factor_enrol')}?{request.GET.urlencode()}")
    if policy.authenticator_for(request.user) is None:
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = code_check(request=request, code=form.cleaned_data["code"])
        if check.locked_out:
            return lockout_response(request)
        if check.accepted:
            if check.used_backup_code:
                left = policy.backup_codes_for(request.user).token_set.count()
                warning = _("You used a backup code; %(left)d are left. Make new ones under Account.")
                messages.warning(request, warning % {"left": left})
            return redirect(_next_url(request))
        form.add_error("code", check.message)
    context = {
        "form": form,
        "next": _next_url(request),
        "has_passkey": policy.passkeys_for(request.user).exists(),
        "passkey_config": get_configuration(request),
    }
    return TemplateResponse(request, "two_factor/verify.html", context)


def _manual_key(device: TOTPDevice) -> str:
    key = b32encode(device.bin_key).decode()
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


def _enrolment_key(request) -> str:
    """This set-up session's secret: kept in the session (server-side) until confirmed, never shared with another.

    Someone else signed in with the same password gets a secret of their own, which the account never uses.
    """
    held = request.session.get(ENROL_KEY_SESSION_KEY) or {}
    if held.get("user") != request.user.pk or not held.get("key"):
        held = {"user": request.user.pk, "key": services.authenticator_key_new()}
        request.session[ENROL_KEY_SESSION_KEY] = held
    return held["key"]


@never_cache
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), then confirm one code from it."""
    refusal = _signed_in_or_login(request)
    if refusal:
        return refusal
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    if policy.authenticator_for(request.user) is not None:
        if request.user.is_verified():
            return redirect("two_factor_account")
        return redirect(f"{reverse('two_factor_verify')}?{request.GET.urlencode()}")
    key = _enrolment_key(request)
    form = EnrolCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.authenticator_confirm(user=request.user, key=key, code=form.cleaned_data["code"])
        except services.CodeRefused as refused:
            form.add_error("code", refused.message)
        else:
            del request.session[ENROL_KEY_SESSION_KEY]
            otp_login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(f"{reverse('two_factor_backup_codes')}?{request.GET.urlencode()}")
    device = services.authenticator_unsaved(user=request.user, key=key)
    qr_code = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": qr_code.svg_data_uri(scale=5, border=2),
        "manual_key": _manual_key(device),
        "required": policy.is_required_for(request.user),
    }
    return TemplateResponse(request, "two_factor/enrol.html", context)


@never_cache
@require_admin_access
def backup_codes(request):
    """New backup codes, shown once right after they were made (setting up, or "make new ones").

    Making new ones asks again for a code from the app, or a passkey given in the last few minutes: a session
    left open (or taken over) cannot swap the codes for ones only its holder knows.
    """
    if request.method == "POST":
        if policy.authenticator_for(request.user) is None:
            return redirect("two_factor_enrol")
        form = RenewCodeForm(request.POST)
        if not passkeys.passkey_confirmed_recently(request):
            if form.is_valid() and not form.cleaned_data["code"]:
                form.add_error("code", _("Enter the 6 digits your app shows now, or confirm with a passkey."))
            if not form.is_valid():
                return _account_page(request, form, status=400)
            check = code_check(request=request, code=form.cleaned_data["code"], backup_codes=False)
            if check.locked_out:
                return lockout_response(request)
            if not check.accepted:
                form.add_error("code", check.message)
                return _account_page(request, form, status=400)
        request.session[NEW_CODES_SESSION_KEY] = services.backup_codes_renew(user=request.user)
        return redirect("two_factor_backup_codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("two_factor_account")
    return TemplateResponse(request, "two_factor/backup_codes.html", {"codes": codes, "next": _next_url(request)})


def _account_page(request, form, *, status=200):
    authenticator = policy.authenticator_for(request.user)
    backup = policy.backup_codes_for(request.user)
    context = {
        "page_title": _("Two-factor authentication"),
        "header_icon": "key",
        "authenticator": authenticator,
        "passkeys": list(policy.passkeys_for(request.user)),
        "backup_codes_left": backup.token_set.count() if backup else 0,
        "required": policy.is_required_for(request.user),
        "renew_form": form,
        "renew_url": reverse("two_factor_account"),
        "passkey_confirmed": passkeys.passkey_confirmed_recently(request, keep=True),
        "passkey_config": get_configuration(request),
    }
    return TemplateResponse(request, "two_factor/account.html", context, status=status)


@never_cache
@require_admin_access
def account(request):
    """The signed-in user's own second factor: the app, passkeys, and how many backup codes are left."""
    return _account_page(request, RenewCodeForm())


def _require_reset_permission(request):
    if not request.user.has_perm(policy.RESET_PERMISSION):
        raise PermissionDenied


@never_cache
@require_admin_access
def staff(request):
    """Staff accounts and whether each set up a second factor, with a reset button where allowed."""
    _require_reset_permission(request)
    users = (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(is_staff=True) | Q(groups__isnull=False), is_active=True)
        .annotate(
            authenticators=Count("totpdevice", filter=Q(totpdevice__confirmed=True), distinct=True),
        )
        .prefetch_related("groups")
        .distinct()
        .order_by("username")
    )
    required_groups = set(policy.required_groups())
    rows = []
    for user in users:
        groups = [group.name for group in user.groups.all()]
        required = settings.STAFF_2FA_REQUIRED and (user.is_superuser or bool(required_groups.intersection(groups)))
        rows.append(
            {
                "user": user,
                "groups": groups,
                "required": required,
                "enrolled": user.authenticators > 0,
                "can_reset": policy.can_reset(request.user, user) and user.authenticators > 0,
            }
        )
    context = {"page_title": _("Staff two-factor authentication"), "header_icon": "key", "rows": rows}
    return TemplateResponse(request, "two_factor/staff.html", context)


@never_cache
@require_admin_access
def reset(request, user_id: int):
    """Confirm, then remove a user's authenticator and backup codes (audit-logged)."""
    _require_reset_permission(request)
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not policy.can_reset(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        services.second_factor_reset(target=target, actor=request.user)
        messages.success(
            request,
            _("Two-factor authentication of %(user)s was reset: they set up a new app at their next sign-in.")
            % {"user": target.get_username()},
        )
        return redirect("two_factor_staff")
    context = {"page_title": _("Reset two-factor authentication"), "header_icon": "key", "target": target}
    return TemplateResponse(request, "two_factor/reset_confirm.html", context)
