"""`make bench-scaleout`: two web instances and two mail workers on one PostgreSQL and one Redis, as on two machines.

Starts two gunicorn instances (ports BENCH_SCALEOUT_PORT and +10) and two ``run_worker`` processes, all with the
benchmark settings (``bench/settings.py``) on the empty PostgreSQL database BENCH_DATABASE_URL, the Redis of
REDIS_URL (one key prefix for all four, as one environment) and one media folder (standing in for the shared
storage several machines need). Then checks, and prints:

- rate limits are shared: the form's limit is set to BENCH_SCALEOUT_SUBMISSIONS per hour; that many city
  applications sent alternately to the two instances are all accepted, and the next one is refused (429) by
  either instance (with a counter per instance, each would accept that many);
- sessions are shared: signed in to the admin on one instance, the admin's dashboard opens on the other;
- every notification is sent once: the two workers together send each mail of those submissions exactly once
  (file-based mail backend: Message-IDs counted), and every notification row ends "sent";
- uploads are readable from both: a document stored once (by this script, through Django's storage, as an
  upload would be) is served, the same bytes, by both instances.

Exits 1 when a check fails. Needs PostgreSQL and Redis; without BENCH_DATABASE_URL and REDIS_URL it says so and
stops (SQLite is one machine's database).
"""

import sys
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    # This folder's http.py would stand in for the standard library's http: the project's root takes its place.
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import http.cookiejar
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from bench import submission
from bench.answers import CITY_APPLICATION, city_form_in_one_page

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
SUBMISSIONS = int(os.environ.get("BENCH_SCALEOUT_SUBMISSIONS", "20"))


class Browser:
    """Cookies and CSRF for one visitor, across both instances (they share a host name: localhost)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def request(self, port: int, path: str, data: dict | None = None) -> tuple[int, bytes, dict]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(f"http://localhost:{port}{path}", data=body)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def csrf_token(self, html: bytes) -> str:
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _start(command: list[str], environment: dict) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=environment)  # noqa: S603 - our own command lines


def _wait_for(port: int) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/robots.txt", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def start_instances(ports: list[int], environment: dict, processes: list[subprocess.Popen]) -> None:
    """A gunicorn of two workers on each port and two mail workers, added to ``processes`` as they start (for the
    caller to stop, whatever happens); returns once both ports answer."""
    for port in ports:
        command = [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"{HOST}:{port}"]
        processes.append(_start([*command, "--log-level", "warning", "cms.wsgi"], environment))
    for _ in range(2):
        processes.append(_start([sys.executable, "manage.py", "run_worker", "--queue-name", "*"], environment))
    for port in ports:
        _wait_for(port)


def rate_limit_is_shared(ports: list[int], *, form_url: str, cluster_pk: int) -> bool:
    """1. One counter for both instances: SUBMISSIONS accepted alternately, then either refuses."""
    visitor = Browser()
    _status, html, _headers = visitor.request(ports[0], form_url)
    answers = {**CITY_APPLICATION, "csrfmiddlewaretoken": visitor.csrf_token(html), "clusters": [str(cluster_pk)]}
    accepted = 0
    for number in range(SUBMISSIONS):
        status, body, headers = visitor.request(
            ports[number % 2], form_url, {**answers, "applicant_email": f"scale-{number}@example.org"}
        )
        if status == 303:  # post-redirect-get: the thank-you page, read from the other instance
            status, body, _headers = visitor.request(ports[(number + 1) % 2], headers["Location"])
        accepted += status == 200 and b"CA-" in body
    refused = [
        visitor.request(port, form_url, {**answers, "applicant_email": f"over-{port}@example.org"})[0] for port in ports
    ]
    shared = accepted == SUBMISSIONS and refused == [429, 429]
    print(
        f"rate limit {SUBMISSIONS}/h over both instances: {accepted} accepted, then "
        f"{' and '.join(map(str, refused))} → {'shared' if shared else 'NOT shared'}"
    )
    return shared


def session_is_shared(ports: list[int], staff: Browser) -> bool:
    """2. Signed in to the admin on one instance, signed in on the other."""
    _status, html, _headers = staff.request(ports[0], "/admin/login/")
    status, _body, _headers = staff.request(
        ports[0],
        "/admin/login/",
        {"csrfmiddlewaretoken": staff.csrf_token(html), "username": "admin", "password": "admin-demo-2026"},
    )
    other, _body, _headers = staff.request(ports[1], "/admin/")
    print(f"session: signed in on :{ports[0]} ({status}), the admin on :{ports[1]} answers {other}")
    return status == 302 and other == 200


def each_mail_sent_once(mail_folder: Path, notification_model) -> bool:
    """3. The two workers together send every notification exactly once (Message-IDs counted)."""
    expected = notification_model.objects.count()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and notification_model.objects.exclude(state="sent").exists():
        time.sleep(1)
    ids = []
    for path in mail_folder.glob("*.log") if mail_folder.exists() else []:
        ids += re.findall(r"^Message-ID: (.+)$", path.read_text(errors="replace"), flags=re.MULTILINE)
    unsent = notification_model.objects.exclude(state="sent").count()
    once = len(ids) == len(set(ids)) == expected and not unsent
    print(
        f"mail: {expected} notifications, {len(ids)} mails sent by two workers, {len(set(ids))} distinct "
        f"Message-IDs, {unsent} not sent → {'each sent once' if once else 'NOT each once'}"
    )
    return once


def upload_is_served_by_both(ports: list[int], browser: Browser) -> bool:
    """4. A document stored once is served, the same bytes, by both instances."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    content = b"One storage for every instance.\n" * 100
    document = Document(title="Scale-out check")
    document.file.save("scaleout-check.txt", ContentFile(content), save=True)
    served = [browser.request(port, document.url)[1] == content for port in ports]
    print(f"upload: stored once, served the same bytes by both instances: {served}")
    return all(served)


def run_checks(ports: list[int], folder: str) -> list[str]:
    """The four checks, in order; the names of those that failed."""
    from cluster_pages.models import CityApplicationFormPage, ThematicClusterPage
    from workflows.models import Notification

    city = city_form_in_one_page(CityApplicationFormPage.objects.live().filter(locale__language_code="en").first())
    cluster = ThematicClusterPage.objects.live().filter(status__in=["forming", "active"]).first()
    staff = Browser()
    checks = [
        ("rate limit", lambda: rate_limit_is_shared(ports, form_url=city.url, cluster_pk=cluster.pk)),
        ("sessions", lambda: session_is_shared(ports, staff)),
        ("notifications", lambda: each_mail_sent_once(Path(f"{folder}/mail"), Notification)),
        ("uploads", lambda: upload_is_served_by_both(ports, staff)),
    ]
    return [name for name, check in checks if not check()]


def main() -> int:
    if not (os.environ.get("BENCH_DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")):
        print("bench-scaleout: skipped; set BENCH_DATABASE_URL (an empty PostgreSQL database) and REDIS_URL")
        return 0
    first_port = int(os.environ.get("BENCH_SCALEOUT_PORT", "8766"))
    ports = [first_port, first_port + 10]
    with tempfile.TemporaryDirectory(prefix="bench-scaleout-") as folder:
        os.environ["WORKFLOW_FORMS_RATE_LIMIT"] = f"{SUBMISSIONS}/h"
        print("bench-scaleout: migrating a throwaway database and loading the demo content…", flush=True)
        submission.setup(folder)
        os.environ["WORKFLOW_FORMS_RATE_LIMIT"] = f"{SUBMISSIONS}/h"  # setup() sets its own, unlimited
        environment = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "BENCH_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": f"{folder}/mail",
            "DATABASE_CONN_MAX_AGE": "60",
        }
        processes = []
        try:
            start_instances(ports, environment, processes)
            failures = run_checks(ports, folder)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=60)
            submission.clear_caches()
    print("scale-out checks: " + ("all passed" if not failures else "FAILED: " + ", ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
