"""`make bench`: how long the site's main pages and API calls take, and how many queries each runs.

Builds a throwaway SQLite database in a temporary folder with the demo content (as `make run` shows it), then
calls each URL through Django's test client: a few warm-up calls, then ROUNDS timed calls. Prints, per URL, the
median and 95th-percentile time in milliseconds and the queries of one call. Figures, not pass/fail: compare
them before and after a change on the same machine. Options (environment): BENCH_ROUNDS (default 30).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
WARM_UP = 3


def setup(folder: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
            "WORKFLOW_FORMS_RATE_LIMIT": "100000/h",
            # What a page costs to build: the whole-page cache for readers is P7's (bench/readers.py).
            "PAGE_CACHE_SECONDS": os.environ.get("PAGE_CACHE_SECONDS", "0"),
        }
    )
    if str(ROOT / "bench") in sys.path:  # run as a script: bench/http.py must not shadow the standard library
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_initial_data", "--with-demo-accounts", verbosity=0)

    from django.conf import settings

    settings.DEBUG = False  # measure as production runs: no debug templates, no query log


def measure(call) -> tuple[float, float, int]:
    """(median ms, 95th percentile ms, queries of one call) of ``call``, which returns a response."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        call()
    with CaptureQueriesContext(connection) as queries:
        response = call()
    query_count = len(queries)  # now: the log is emptied by the next request
    if response.status_code >= 400:
        raise RuntimeError(f"{response.status_code}: {response.content[:300]!r}")
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], query_count


def cases():
    """(label, call) for each page and API call a visitor, an applicant and a reviewer make most."""
    from django.test import Client
    from wagtail.models import APIToken

    from cluster_pages.models import CaseStudyPage, EventPage, ThematicClusterPage, ThemeSuggestionFormPage
    from workflows.models import Application

    visitor = Client(HTTP_HOST="localhost")
    staff_token = APIToken.create_token(user=_user("coordinator"), name="bench")[1]
    staff = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {staff_token}")
    cluster = ThematicClusterPage.objects.live().first()
    event = EventPage.objects.live().first()
    case_study = CaseStudyPage.objects.live().first()
    theme_form = ThemeSuggestionFormPage.objects.live().first()
    application = Application.objects.order_by("pk").first()
    answers = {
        "applicant_name": "Bench Mark",
        "organisation": "Bench University",
        "proposed_theme": "Benchmarks",
        "why_it_matters": "Numbers over feelings.",
        "interested_cities": "Seoul",
    }
    counter = iter(range(10**9))

    def submit():
        return visitor.post(
            f"/api/v3/workflow-forms/{theme_form.pk}/submissions/",
            {**answers, "applicant_email": f"bench-{next(counter)}@example.org"},
            content_type="application/json",
        )

    return [
        ("GET / (home)", lambda: visitor.get("/")),
        ("GET /clusters/", lambda: visitor.get("/clusters/")),
        ("GET a cluster page", lambda: visitor.get(cluster.url)),
        ("GET /events/", lambda: visitor.get("/events/")),
        ("GET an event page", lambda: visitor.get(event.url)),
        ("GET /case-studies/", lambda: visitor.get("/case-studies/")),
        ("GET a case study", lambda: visitor.get(case_study.url)),
        ("GET /search/?query=mobility", lambda: visitor.get("/search/", {"query": "mobility"})),
        ("GET /join/suggest-a-theme/", lambda: visitor.get(theme_form.url)),
        ("API pages list (events)", lambda: visitor.get("/api/v3/pages/", {"type": "cluster_pages.EventPage"})),
        ("API page detail (cluster)", lambda: visitor.get(f"/api/v3/pages/{cluster.pk}/")),
        ("API workflow-forms list", lambda: visitor.get("/api/v3/workflow-forms/")),
        ("API form schema", lambda: visitor.get(f"/api/v3/workflow-forms/{theme_form.pk}/")),
        ("API submit a theme suggestion", submit),
        ("API applications list (staff)", lambda: staff.get("/api/v3/applications/")),
        ("API application detail (staff)", lambda: staff.get(f"/api/v3/applications/{application.pk}/")),
    ]


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        print("bench: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        print(f"{'':34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}   ({ROUNDS} rounds)")
        for label, call in cases():
            median, p95, queries = measure(call)
            print(f"{label:34} {median:10.1f} {p95:8.1f} {queries:8d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
