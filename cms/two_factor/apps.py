from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """The site's second factor for the Wagtail admin, built on django-otp's TOTP and backup-code devices."""

    name = "cms.two_factor"
    label = "two_factor"
    verbose_name = _("Two-factor authentication")
