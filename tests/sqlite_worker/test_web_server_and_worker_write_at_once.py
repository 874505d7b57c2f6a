"""On the embedded SQLite default, the web server and the mail worker write at once without "database is locked".

As ``make run`` does: ``runserver`` and ``db_worker --queue-name '*'`` in their own processes on one SQLite file,
with the development settings. Eight visitors submit the three forms (HTML and API), and communications staff
submit case studies for review meanwhile; every submission queues mail the worker sends at the same time.
"""

# ruff: noqa: S310, S603 - runs our own manage.py and requests only the server it starts on 127.0.0.1

import http.cookiejar
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection

from cluster_pages.moderation import case_study_workflow_assign
from tests.factories import TEST_PASSWORD, UserFactory, build_site_tree
from tests.site_forms.support import build_forms, city_data, company_data, theme_data
from tests.test_moderation import case_study_form

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded SQLite default only"),
    # Transactional: the copied schema must not be inside an open test transaction.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROJECT_DIR = Path(__file__).resolve().parents[2]
SUBMISSIONS = 200
VISITORS = 8
CASE_STUDIES = 12
APPLICATION_TABLES = (
    "cluster_pages_cityapplication",
    "cluster_pages_companyregistration",
    "cluster_pages_themesuggestion",
)


@pytest.fixture
def seeded(transactional_db):
    """The three forms, clusters, a case-study index under review, a communications account; committed."""
    call_command("createcachetable", "cache_table")  # the development settings' default cache
    tree = build_site_tree()
    forms = build_forms(tree)
    case_study_workflow_assign(index_page=tree.case_studies)
    staff = UserFactory(username="communications", groups=["Communications"])
    # The development settings hash with PBKDF2, not the test settings' MD5.
    staff.password = PBKDF2PasswordHasher().encode(TEST_PASSWORD, "seededsalt", iterations=1000)
    staff.save(update_fields=["password"])
    return {
        "forms": {kind: getattr(forms, kind).pk for kind in ("city", "company", "theme")},
        "active_cluster": forms.active_cluster.pk,
        "forming_cluster": forms.forming_cluster.pk,
        "case_study_index": tree.case_studies.pk,
    }


@pytest.fixture
def database_file(seeded, tmp_path):
    """The test database copied to a file the server and the worker share (migrating anew takes far longer)."""
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


@pytest.fixture
def environment(database_file, tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database_file}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "WORKFLOW_FORMS_RATE_LIMIT": "10000/h",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }


@pytest.fixture
def server(environment, seeded, tmp_path):
    """``runserver`` and ``db_worker`` on the seeded file, as ``make run`` starts them; stopped afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    manage = [sys.executable, "manage.py"]
    commands = [
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        [*manage, "db_worker", "--queue-name", "*", "--interval", "0.05", "--no-startup-delay", "--no-reload"],
    ]
    logs = [open(tmp_path / f"process-{n}.log", "w") for n in range(len(commands))]  # noqa: SIM115
    processes = [
        subprocess.Popen(command, cwd=PROJECT_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
        for command, log in zip(commands, logs, strict=True)
    ]
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base_url)
        yield SimpleNamespace(url=base_url, **seeded)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
        for log in logs:
            log.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A visitor's browser: keeps its cookies, follows no redirect and answers each request's status code."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def get(self, path: str) -> int:
        return self._open(urllib.request.Request(self.base_url + path))

    def post_form(self, path: str, data: dict) -> int:
        data = {**data, "csrfmiddlewaretoken": self.cookie("csrftoken")}
        body = urllib.parse.urlencode(data, doseq=True).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=body))

    def post_json(self, path: str, data: dict) -> int:
        headers = {"Content-Type": "application/json"}
        return self._open(urllib.request.Request(self.base_url + path, data=json.dumps(data).encode(), headers=headers))

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == name)

    def _open(self, request) -> int:
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            error.read()
            return error.code


def _wait_until_serving(base_url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            Browser(base_url).get("/en/join/city/")
            return
        except urllib.error.URLError:
            time.sleep(0.1)
    raise AssertionError("runserver did not start")


def _clusters(server):
    return SimpleNamespace(
        active_cluster=SimpleNamespace(pk=server.active_cluster),
        forming_cluster=SimpleNamespace(pk=server.forming_cluster),
    )


def _answers(server, kind: str, n: int) -> dict:
    email = f"visitor{n}@city{n}.example"
    if kind == "city":
        return city_data(_clusters(server), applicant_email=email, project_title=f"Platform {n}")
    if kind == "company":
        return company_data(_clusters(server), applicant_email=email, company_name=f"Company {n}")
    return theme_data(applicant_email=email, proposed_theme=f"Theme {n}")


FORM_PATHS = {"city": "/en/join/city/", "company": "/en/join/partner/", "theme": "/en/join/suggest-a-theme/"}
_visitors = threading.local()


def _submit(server, n: int) -> int:
    """Submission ``n``: the three forms in turn, every other one through the API, the rest as HTML posts."""
    kind = ("city", "company", "theme")[n % 3]
    answers = _answers(server, kind, n)
    if n % 2:
        api_answers = {key: (True if value == "on" else value) for key, value in answers.items()}
        return Browser(server.url).post_json(f"/api/v3/workflow-forms/{server.forms[kind]}/submissions/", api_answers)
    if getattr(_visitors, "browser", None) is None:  # one browser per visitor, holding its CSRF cookie
        _visitors.browser = Browser(server.url)
        _visitors.browser.get(FORM_PATHS["theme"])
    return _visitors.browser.post_form(FORM_PATHS[kind], answers)


def _staff_browser(server) -> Browser:
    browser = Browser(server.url)
    browser.get("/admin/login/")
    status = browser.post_form("/admin/login/", {"username": "communications", "password": TEST_PASSWORD})
    assert status == 302, "signed in"
    return browser


def _submit_case_study_for_review(server, browser, n: int) -> int:
    path = f"/admin/pages/add/cluster_pages/casestudypage/{server.case_study_index}/"
    data = case_study_form(title=f"Case study {n}", slug=f"case-study-{n}", **{"action-submit": "action-submit"})
    return browser.post_form(path, data)


def _count(database_file, query: str) -> int:
    with sqlite3.connect(database_file) as db:
        return db.execute(query).fetchone()[0]


def test_two_hundred_submissions_and_reviews_beside_the_worker_answer_no_server_error(server, database_file):
    staff = _staff_browser(server)

    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        submissions = [pool.submit(_submit, server, n) for n in range(SUBMISSIONS)]
        reviews = [pool.submit(_submit_case_study_for_review, server, staff, n) for n in range(CASE_STUDIES)]
        submission_statuses = [future.result() for future in submissions]
        review_statuses = [future.result() for future in reviews]

    assert [status for status in submission_statuses if status >= 400] == []
    assert set(review_statuses) == {302}, "each case study saved and submitted for review"
    applications = sum(_count(database_file, f"SELECT COUNT(*) FROM {table}") for table in APPLICATION_TABLES)  # noqa: S608
    assert applications == SUBMISSIONS
    in_review = _count(database_file, "SELECT COUNT(*) FROM wagtailcore_workflowstate WHERE status = 'in_progress'")
    assert in_review == CASE_STUDIES
    assert _mail_is_sent(database_file), "the worker sent the mails meanwhile"


def _mail_is_sent(database_file, timeout=20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = _count(database_file, "SELECT COUNT(*) FROM workflow_forms_notification WHERE sent_at IS NULL")
        if pending == 0:
            return True
        time.sleep(0.2)
    return False
