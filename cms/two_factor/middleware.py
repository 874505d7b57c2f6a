"""Until a staff member who needs a second factor has given it, their session is not a sign-in.

In the admin they are sent to the code (or set-up) page; everywhere else, the API and the staff file downloads
included, the request counts as anonymous. A password sign-in that ends in a redirect (the members' login page
too) is sent through the code page first, then on to where it was going.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import DEVICE_ID_SESSION_KEY

from cms.security import ADMIN_PREFIX

from . import passkeys
from .policy import SecondFactor, second_factor_due

#: Admin pages an unverified session may open: the second-factor pages themselves and what they need.
OPEN_URL_NAMES = {
    "two_factor_verify",
    "two_factor_enrol",
    "two_factor_backup_codes_new",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    *passkeys.OPEN_URL_NAMES,
}
REDIRECTS = {301, 302, 303, 307, 308}


def second_factor_url(due: SecondFactor) -> str:
    return reverse("two_factor_verify" if due == SecondFactor.VERIFY else "two_factor_enrol")


def _url_name(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def _may_hold_staff_data(user) -> bool:
    """Whether a second factor can matter for ``user``: a superuser, or anyone holding any permission.

    A site member (no permission at all, only page privacy through their groups) reaches nothing the second
    factor guards, so their pages skip the authenticator look-up. The permissions are the ones Django caches on
    the user for the request, and every site page asks them anyway (the Wagtail userbar's admin-access check).
    """
    return user.is_superuser or bool(user.get_all_permissions())


class StaffSecondFactorMiddleware:
    """Installed after django-otp's ``OTPMiddleware``, which tells whether this session gave a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in_as = request.session.get(SESSION_KEY)
        user = request.user
        if user.is_authenticated and _may_hold_staff_data(user) and not user.is_verified():
            due = second_factor_due(user)
            if due is not None:
                if request.path_info.startswith(ADMIN_PREFIX):
                    if _url_name(request) not in OPEN_URL_NAMES:
                        return redirect_to_login(request.get_full_path(), login_url=second_factor_url(due))
                else:
                    request.user = AnonymousUser()
        response = self.get_response(request)
        return self._after_password(request, signed_in_as, response)

    def _after_password(self, request, signed_in_as, response):
        """A password sign-in in this request that redirects goes through the second factor first."""
        session = getattr(request, "session", None)
        if response.status_code not in REDIRECTS or session is None:
            return response
        now_signed_in_as = session.get(SESSION_KEY)
        if not now_signed_in_as or now_signed_in_as == signed_in_as or session.get(DEVICE_ID_SESSION_KEY):
            return response
        due = second_factor_due(request.user)
        if due is None:
            return response
        return redirect_to_login(response["Location"], login_url=second_factor_url(due))
