"""A coordinator sets up an authenticator app in Chromium, signs out, and signs in again with a code; the
second-factor pages run under the admin's Content-Security-Policy without a blocked script."""

import re
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ..factories import TEST_PASSWORD
from .conftest import BROWSER
from .test_admin_content_security_policy import RECORD_VIOLATIONS

pytestmark = BROWSER


def code_from_key(manual_key: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed from the page (base32, in groups of four)."""
    from base64 import b32decode

    totp = TOTP(b32decode(manual_key.replace(" ", "")))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in_with_password(page, url, user):
    page.goto(f"{url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_coordinator_sets_up_an_app_then_signs_in_with_a_code(settings, coordinator, live_server, page):
    settings.STAFF_2FA_REQUIRED = True
    page.add_init_script(RECORD_VIOLATIONS)

    sign_in_with_password(page, live_server.url, coordinator)
    page.wait_for_url(re.compile(r"/admin/two-factor/set-up/"))
    assert page.get_by_role("heading", name="Set up two-factor authentication").is_visible()
    assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
    manual_key = page.locator("#manual-key").inner_text()
    page.get_by_label("Code from the app").fill(code_from_key(manual_key))
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(re.compile(r"/admin/two-factor/backup-codes/"))
    assert page.locator(".two-factor-backup-codes li").count() == 10
    page.get_by_role("link", name="I have saved them, continue").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#wagtail-sidebar").count() == 1, "the admin opened"

    page.context.clear_cookies()
    sign_in_with_password(page, live_server.url, coordinator)
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    page.get_by_label("Code").fill("000000" if code_from_key(manual_key, steps_ahead=1) != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("status").get_by_text("That code is not right")).to_be_visible()
    TOTPDevice.objects.filter(user=coordinator).update(throttling_failure_timestamp=None)  # the 1 s wait, skipped
    page.get_by_label("Code").fill(code_from_key(manual_key, steps_ahead=1))  # the set-up used this step's code
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("#wagtail-sidebar").count() == 1
    violations = [v for v in page.evaluate("window.cspViolations") if v["directive"].startswith("script-src")]
    assert violations == []
