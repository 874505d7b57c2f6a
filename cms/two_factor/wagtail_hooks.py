from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import passkeys, policy, services, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/set-up/", views.enrol, name="two_factor_enrol"),
        path("two-factor/backup-codes/", views.backup_codes, name="two_factor_backup_codes"),
        path("two-factor/", views.account, name="two_factor_account"),
        path("two-factor/staff/", views.staff, name="two_factor_staff"),
        path("two-factor/staff/<int:user_id>/reset/", views.reset, name="two_factor_reset"),
        # django-otp-webauthn's scripts reverse its views under their own namespace.
        path("two-factor/passkeys/", include((passkeys.urlpatterns, "otp_webauthn"))),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_account"),
        "label": _("Two-factor authentication"),
        "help_text": _("Your authenticator app, passkeys and backup codes."),
    }


class StaffSecondFactorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(policy.RESET_PERMISSION)


@hooks.register("register_settings_menu_item")
def staff_second_factor_menu_item():
    return StaffSecondFactorMenuItem(
        _("Staff two-factor"), reverse("two_factor_staff"), icon_name="key", name="two-factor-staff", order=610
    )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        services.ENROL_ACTION, _("Set up two-factor authentication"), _("Two-factor authentication set up")
    )
    actions.register_action(
        services.BACKUP_CODES_ACTION, _("Made new backup codes"), _("New two-factor backup codes made")
    )
    actions.register_action(services.PASSKEY_ACTION, _("Added a passkey"), _("Passkey added"))
    actions.register_action(
        services.RESET_ACTION, _("Reset two-factor authentication"), _("Two-factor authentication reset")
    )
