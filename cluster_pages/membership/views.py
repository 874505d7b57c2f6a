"""The members' sign-in and password-reset pages, in the site's layout (Django's views, the site's forms)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from cms.password_reset import QueuedPasswordResetMixin

from ..public_urls import public_root_url
from .auth import MemberLoginForm, MemberPasswordResetForm


class MemberLoginView(auth_views.LoginView):
    """Where members-only pages send visitors who are not signed in (``WAGTAIL_FRONTEND_LOGIN_URL``)."""

    template_name = "registration/login.html"
    authentication_form = MemberLoginForm


class MemberPasswordResetView(QueuedPasswordResetMixin, auth_views.PasswordResetView):
    """Mails a link to the set-password page (queued, limited: ``cms.password_reset``); the link starts with the
    site's public address."""

    form_class = MemberPasswordResetForm
    template_name = "registration/password_reset_form.html"
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"
    success_url = reverse_lazy("member_password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {
            "root_url": public_root_url(self.request),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        return super().form_valid(form)
