"""`make bench-submission`: our city application against a stock Wagtail form page with the same 14 fields.

Both pages are served in one process through Django's test client on the benchmark settings (DEBUG off, the
site's caches, task queue and mail outbox; ``bench/settings.py``), from a throwaway SQLite database, or the
empty database BENCH_DATABASE_URL names (e.g. a PostgreSQL one made for this). The stock page is a
``wagtail.contrib.forms`` ``AbstractEmailForm`` (``bench/baseline``) that mails each submission. Calls
alternate between the two sides after a warm-up, so both see the same machine; prints the median and 95th
percentile in ms, the queries of one call, and our median over the baseline's. Figures, not pass/fail.
Options (environment): BENCH_ROUNDS (default 40), BENCH_DATABASE_URL, REDIS_URL (production's caches on Redis,
under a key prefix of this run's own, removed at the end).
"""

import sys
from pathlib import Path

# Run as a script, this folder comes first on the path, and its requests.py would stand in for the library: the
# project's root takes its place.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import io
import os
import statistics
import tempfile
import time
import warnings

from bench.answers import CITY_APPLICATION, city_form_in_one_page

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
WARM_UP = 5

# Our 14 questions, as the stock form builder's field types.
BASELINE_FIELDS = [
    ("City", "singleline", "", "Seoul"),
    ("Country", "dropdown", "Korea\nSpain\nMexico", "Korea"),
    ("Contact person's full name", "singleline", "", "Kim Min-ji"),
    ("Role", "singleline", "", "Director"),
    ("E-mail", "email", "", None),  # a new address each time, as on our side
    ("Phone", "singleline", "", ""),
    ("Organisation", "singleline", "", "Smart City Bureau"),
    ("Clusters", "checkboxes", "Smart Mobility\nSmart Utility", ["Smart Mobility"]),
    ("Project title", "singleline", "", "Mobility data platform"),
    ("Project description", "multiline", "", "A shared platform for the city's mobility data."),
    ("Project status", "radio", "idea\ndevelopment\nrunning", "development"),
    ("Partners sought", "multiline", "", "Cities with open mobility data."),
    ("List my city publicly", "checkbox", "", "on"),
    ("I agree to the privacy notice", "checkbox", "", "on"),
]


def setup(folder: str) -> None:
    if str(ROOT / "bench") in sys.path:  # run as a script: bench/requests.py must not shadow the library
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
            # Rate limiting stays on (the counter is part of a submission's cost), with a limit never reached.
            "WORKFLOW_FORMS_RATE_LIMIT": "1000000/h",
            "LOG_LEVEL": "WARNING",
            "CACHE_KEY_PREFIX": os.environ.get("BENCH_CACHE_KEY_PREFIX") or f"bench-{os.getpid()}",
        }
    )
    import django

    # Static files are served from the apps' folders; nothing is collected for a benchmark.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_initial_data", "--with-demo-accounts", verbosity=0, stdout=io.StringIO())


def baseline_page():
    """The stock form page, beside our city form, with the same questions and a recipient for its mail."""
    from bench.baseline.models import BaselineFormField, BaselineFormPage
    from cluster_pages.models import CityApplicationFormPage

    city = city_form_in_one_page(CityApplicationFormPage.objects.live().filter(locale__language_code="en").first())
    page = BaselineFormPage(title="Baseline form", slug="baseline-form", to_address="staff@example.org")
    city.get_parent().add_child(instance=page)
    for number, (label, field_type, choices, _answer) in enumerate(BASELINE_FIELDS):
        BaselineFormField.objects.create(
            page=page, sort_order=number, label=label, field_type=field_type, choices=choices, required=number != 5
        )
    page.save_revision().publish()
    return city, BaselineFormPage.objects.get(pk=page.pk)


def baseline_answers(baseline) -> tuple[dict, str]:
    """The stock page's answers by field name (the e-mail one empty), and its e-mail field's name."""
    questions = list(baseline.form_fields.order_by("sort_order"))
    answers = {question.clean_name: answer for question, (*_, answer) in zip(questions, BASELINE_FIELDS, strict=True)}
    return answers, questions[4].clean_name


def cases():
    """(label, ours, baseline) pairs of calls: POST of a valid form, and GET of the blank form."""
    from django.test import Client

    from cluster_pages.models import ThematicClusterPage

    city, baseline = baseline_page()
    cluster = ThematicClusterPage.objects.live().filter(status__in=["forming", "active"]).first()
    client = Client(HTTP_HOST="localhost")
    counter = iter(range(10**9))
    ours = {**CITY_APPLICATION, "clusters": [str(cluster.pk)]}
    theirs, email_name = baseline_answers(baseline)

    def post_ours():
        return client.post(city.url, {**ours, "applicant_email": f"bench-{next(counter)}@example.org"})

    def post_theirs():
        return client.post(baseline.url, {**theirs, email_name: f"bench-{next(counter)}@example.org"})

    def post_ours_and_follow():
        response = post_ours()
        return client.get(response.headers["Location"]) if response.status_code == 303 else response

    return [
        ("POST a valid city application", post_ours, post_theirs),
        # Post-redirect-get: our browser then loads the thank-you page, which the stock page renders in its POST.
        ("POST, then the thank-you page", post_ours_and_follow, post_theirs),
        ("GET the blank form", lambda: client.get(city.url), lambda: client.get(baseline.url)),
    ]


def queries_of(call) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = call()
    if response.status_code == 303 and "submitted=" in response.headers.get("Location", ""):
        return len(queries)  # post-redirect-get: a valid submission
    if response.status_code != 200 or b'class="error' in response.content or b"errorlist" in response.content:
        at = max(0, response.content.find(b"error") - 200)
        raise RuntimeError(f"not a valid submission ({response.status_code}): {response.content[at : at + 600]!r}")
    return len(queries)


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def summary(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def clear_caches() -> None:
    """Remove this run's keys (its prefix is its own) from a shared cache such as Redis."""
    from django.conf import settings
    from django.core.cache import caches

    for alias, options in settings.CACHES.items():
        if not options["BACKEND"].endswith("RedisCache"):
            continue  # in the throwaway database or this process
        # Never cache.clear() on Redis: it empties the whole database, other environments' keys included.
        client = caches[alias]._cache.get_client(write=True)
        for key in client.scan_iter(match=f"{caches[alias].key_prefix}:*"):
            client.delete(key)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-submission-") as folder:
        print("bench: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        header = f"{'':32} {'side':9} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
        print(f"{header}   ({ROUNDS} alternated rounds)")
        for label, ours, theirs in cases():
            for _ in range(WARM_UP):
                ours(), theirs()
            counts = queries_of(ours), queries_of(theirs)
            times = ([], [])
            for _ in range(ROUNDS):
                times[0].append(timed(ours))
                times[1].append(timed(theirs))
            (our_median, our_p95), (base_median, base_p95) = summary(times[0]), summary(times[1])
            print(f"{label:32} {'ours':9} {our_median:10.1f} {our_p95:8.1f} {counts[0]:8d}")
            print(f"{'':32} {'baseline':9} {base_median:10.1f} {base_p95:8.1f} {counts[1]:8d}")
            print(f"{'':32} {'ratio':9} {our_median / base_median:9.2f}×", flush=True)
        clear_caches()
    return 0


if __name__ == "__main__":
    sys.exit(main())
