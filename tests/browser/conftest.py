"""Browser tests: Debian's chromium, driven by Playwright, against pytest-django's live server.

`make test` installs chromium with apt when it is missing and it may (root); elsewhere these tests are skipped
with the reason. Playwright's own browser download is never used.
"""

import shutil

import pytest
from django.db import connections

# Chromium's background services try to reach Google; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The live server reads what the test wrote, so each test commits for real; the groups that data migrations
# create are restored afterwards (serialized rollback), as in the race tests.
BROWSER = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def page(live_server, monkeypatch):
    """A fresh chromium page, for one test.

    Started per test on purpose: while Playwright's sync API runs, an event loop runs in this thread and
    Django's test database set-up and teardown (the serialized rollback) no longer find their connection,
    so the browser must start after them and stop before them. Request ``page`` after the data fixtures.
    Django refuses ORM calls while a loop runs; the tests' own calls are synchronous and safe.
    """
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed (make test installs it where it may: apt-get, as root)")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
        # The test's ORM calls ran on connections opened while the loop ran; close those, not the harness's.
        connections.close_all()
