"""A coordinator adds a passkey from the account page in Chromium (its virtual authenticator, over CDP), confirms
new backup codes with it, signs out, and signs in with the password and the passkey instead of a code; no script
is blocked by the CSP."""

import re

from axe_playwright_python.sync_playwright import Axe
from django_otp_webauthn.models import WebAuthnCredential

from ..factories import TEST_PASSWORD
from ..two_factor.conftest import next_code_for, with_authenticator
from .axe_support import axe_violations
from .conftest import BROWSER
from .test_admin_content_security_policy import RECORD_VIOLATIONS, script_violations

pytestmark = BROWSER

VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def sign_in_with_password(page, url, user):
    page.goto(f"{url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))


def test_a_coordinator_adds_a_passkey_then_signs_in_with_it(settings, coordinator, live_server, page):
    assert live_server.url.startswith("http://localhost:"), "WebAuthn needs a secure context: localhost"
    settings.STAFF_2FA_REQUIRED = True
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    device, _codes = with_authenticator(coordinator)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})
    page.add_init_script(RECORD_VIOLATIONS)

    sign_in_with_password(page, live_server.url, coordinator)
    assert page.get_by_role("button", name="Use a passkey").count() == 0, "no passkey yet"
    page.get_by_label("Code").fill(next_code_for(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/two-factor/")
    page.get_by_role("button", name="Add a passkey").click()
    page.get_by_text("Passkey added.").wait_for()
    assert WebAuthnCredential.objects.filter(user=coordinator, confirmed=True).count() == 1
    assert page.locator(".two-factor-passkeys li").count() == 1
    assert script_violations(page) == []
    assert axe_violations(page, Axe())[1] == [], "the account page: no serious or critical axe violation"

    page.get_by_role("button", name="Confirm with a passkey").click()  # instead of a code, for new backup codes
    page.get_by_text("Your passkey was accepted").wait_for()
    page.get_by_role("button", name="Make new backup codes").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/backup-codes/"))
    assert page.locator(".two-factor-backup-codes li").count() == 10

    page.context.clear_cookies()
    sign_in_with_password(page, live_server.url, coordinator)
    page.get_by_role("button", name="Use a passkey").wait_for()
    assert axe_violations(page, Axe())[1] == [], "the code step: no serious or critical axe violation"
    page.get_by_role("button", name="Use a passkey").click()

    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#wagtail-sidebar").count() == 1, "the admin opened without a code"
    assert script_violations(page) == []
