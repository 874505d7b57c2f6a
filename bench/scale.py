"""`make bench-scale`: the reviewers' workspace and the staff API with many applications (P3), and the staff
application list against Wagtail's own v3 pages list (P5).

Runs in one process through Django's test client on the benchmark settings (DEBUG off, the site's caches;
``bench/scale_settings.py``), as the demo coordinator. The database is the one BENCH_DATABASE_URL names (e.g. a
PostgreSQL database made for this: it is migrated, given the demo content once and topped up with
``generate_applications`` until it holds ``--rows`` generated submissions, so a second run starts at once), or a
throwaway SQLite file. Prints, per call, the median and 95th percentile in ms over BENCH_ROUNDS timed calls after
a warm-up, and the queries of one call; P5 alternates the two lists and prints their ratio. The CSV export is
streamed in a child process that reports its peak RSS, for 1,000 rows and for 10,000 (the same figure: memory
does not grow with the rows). Figures, not pass/fail.

    python bench/scale.py                  # 100,000 rows (a few minutes to generate the first time)
    python bench/scale.py --rows 2000      # small mode, seconds (`make bench-small`)
    python bench/scale.py --json out.json  # the figures as JSON too
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 2


def setup(folder: str) -> None:
    if str(ROOT / "bench") in sys.path:  # run as a script: bench/requests.py must not shadow the library
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.scale_settings",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
        }
    )
    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()


def prepare(rows: int) -> None:
    """Migrate, load the demo content once, and generate submissions until ``rows`` generated ones exist."""
    from django.core.management import call_command

    from cluster_pages.management.commands.generate_applications import DOMAIN
    from cluster_pages.models import ThematicClusterPage
    from workflows.models import Application

    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not ThematicClusterPage.objects.exists():
        call_command("load_initial_data", "--with-demo-accounts", verbosity=0, stdout=io.StringIO())
    from cluster_pages.models import ThemeSuggestion

    have = (
        Application.objects.filter(applicant_email__endswith=f"@{DOMAIN}").count()
        + ThemeSuggestion.objects.filter(applicant_email__endswith=f"@{DOMAIN}").count()
    )
    if have != rows:
        print(f"bench: generating {rows} applications (the database had {have})…", flush=True)
        call_command("generate_applications", "--count", rows, "--reset", "--force", stdout=io.StringIO())


def application_with_log(rows: int):
    """A city application with 50 log rows (25 rejections and reopenings), made once."""
    from cluster_pages.models import CityApplication
    from workflows.models import TransitionLog
    from workflows.selectors.records import records_filter
    from workflows.services import perform_transition

    application = CityApplication.objects.filter(state="submitted").order_by("pk").first()
    logged = TransitionLog.objects.filter(**records_filter(application)).count()
    coordinator = coordinator_user()
    while logged < 50:
        application = perform_transition(application=application, name="reject", user=coordinator, note="Bench.")
        application = perform_transition(application=application, name="reopen", user=coordinator, note="Bench.")
        logged += 2
    return application


def coordinator_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="coordinator")


def admin_cases(client, rows: int) -> list[tuple[str, str]]:
    """(label, URL) of the admin calls."""
    from django.urls import reverse

    from cluster_pages.models import CityApplication, ThematicClusterPage

    index = reverse("city_applications:index")
    cluster = ThematicClusterPage.objects.live().order_by("pk").first()
    last_page = max(1, min(500, CityApplication.objects.count() // 25))
    inspect = reverse("city_applications:inspect", args=(application_with_log(rows).pk,))
    cases = [
        ("listing, first page", index),
        ("filter: state", f"{index}?state=submitted"),
        ("filter: two states", f"{index}?state=submitted&state=reviewed"),
        ("filter: cluster of interest", f"{index}?interest={cluster.pk}"),
        ("filter: assigned to", f"{index}?assigned_to={cluster.pk}"),
        ("filter: country", f"{index}?country=ES"),
        ("filter: submitted between", f"{index}?submitted_from=2025-01-01&submitted_to=2025-06-30"),
        ("filter: awaiting my action", f"{index}?awaiting_my_action=true"),
        ("filters combined", f"{index}?state=active&interest={cluster.pk}&country=KR"),
        ("search: a city", f"{index}?q=Bilbao"),
        ("search: a word of a project", f"{index}?q=leak"),
        ("search + state filter", f"{index}?q=Bilbao&state=submitted"),
    ]
    for key in ("reference", "city", "state", "submitted_at", "updated_at", "-submitted_at"):
        cases.append((f"sort: {key}", f"{index}?ordering={key}"))
    cases += [
        (f"page {last_page}", f"{index}?p={last_page}"),
        ("inspect, 50 log rows", inspect),
        ("dashboard (admin home with the panel)", reverse("wagtailadmin_home")),
    ]
    return cases


def api_cases() -> list[tuple[str, str]]:
    from cluster_pages.models import ThematicClusterPage

    cluster = ThematicClusterPage.objects.live().order_by("pk").first()
    return [
        ("staff API list, 20", "/api/v3/applications/?limit=20"),
        ("staff API list, 50", "/api/v3/applications/?limit=50"),
        ("staff API filter: state", "/api/v3/applications/?state=submitted&limit=20"),
        ("staff API filter: country", "/api/v3/applications/?country=ES&limit=20"),
        ("staff API filter: cluster", f"/api/v3/applications/?interest={cluster.pk}&limit=20"),
        ("staff API search: a city", "/api/v3/applications/?search=Bilbao&limit=20"),
        ("staff API search: a project word", "/api/v3/applications/?search=leak&limit=20"),
        ("staff API search: a reference", "/api/v3/applications/?search=CA-2025-0012&limit=20"),
    ]


def call_ok(client, url, **headers):
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: {response.status_code} {response.content[:300]!r}")
    if hasattr(response, "streaming_content"):
        for _chunk in response.streaming_content:
            pass
    return response


def queries_of(call) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def summary(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def measure(call, rounds: int) -> dict:
    for _ in range(WARM_UP):
        call()
    queries = queries_of(call)
    median, p95 = summary([timed(call) for _ in range(rounds)])
    return {"median_ms": round(median, 1), "p95_ms": round(p95, 1), "queries": queries}


def export_rss(rows_wanted: int) -> dict:
    """Stream the CSV export of about ``rows_wanted`` rows in a child process: its time, rows and peak RSS."""
    result = subprocess.run(  # noqa: S603 - this script, with a number
        [sys.executable, __file__, "--export-child", str(rows_wanted)],
        capture_output=True,
        text=True,
        env=os.environ,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def export_child(rows_wanted: int) -> None:
    """In the child: export the newest ``rows_wanted`` city applications (a date filter) as CSV, streamed."""
    from django.test import Client
    from django.urls import reverse

    from cluster_pages.models import CityApplication

    newest = CityApplication.objects.order_by("-submitted_at").values_list("submitted_at", flat=True)
    since = newest[min(rows_wanted, newest.count()) - 1] if newest.exists() else None
    client = Client(HTTP_HOST="localhost")
    client.force_login(coordinator_user())
    url = f"{reverse('city_applications:index')}?export=csv"
    if since is not None:
        url += f"&submitted_from={since.date() + timedelta(days=1)}"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    response = client.get(url)
    lines = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
    elapsed = (time.perf_counter() - start) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "rows": lines - 1,
                "ms": round(elapsed, 1),
                "peak_rss_mb": round(peak / 1024, 1),
                "rss_before_mb": round(before / 1024, 1),
            }
        )
    )


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="generated submissions (default 100,000)")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "15")))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--only", help="only the calls whose label contains one of these comma-separated texts")
    parser.add_argument("--export-child", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def p3_calls(client, bearer: dict, *, rows: int, rounds: int, only: list[str]) -> dict:
    """P3: each workspace and staff API call, then the CSV export's peak memory."""
    figures = {}
    print(f"P3: {rows} generated submissions, {rounds} timed calls each, as the coordinator")
    print(f"{'':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    calls = [(label, url, {}) for label, url in admin_cases(client, rows)]
    calls += [(label, url, bearer) for label, url in api_cases()]
    for label, url, headers in calls:
        if only and not any(text in label for text in only):
            continue
        figure = measure(lambda url=url, headers=headers: call_ok(client, url, **headers), rounds)
        figures[label] = figure
        print(f"{label:40} {figure['median_ms']:10.1f} {figure['p95_ms']:8.1f} {figure['queries']:8d}", flush=True)
    if not only or "export" in only:
        for wanted in (1000, 10_000):
            export = export_rss(min(wanted, rows))
            figures[f"CSV export, {wanted} rows"] = export
            print(
                f"{'CSV export, ' + str(export['rows']) + ' rows':40} {export['ms']:10.1f} {'':>8} {'':>8}"
                f"  peak RSS {export['peak_rss_mb']} MB (after setup {export['rss_before_mb']} MB)",
                flush=True,
            )
    return figures


def p5_lists(client, bearer: dict, *, limit: int, rounds: int) -> dict:
    """P5: the staff application list against Wagtail's v3 pages list, ``limit`` rows each, calls alternated."""
    ours = lambda: call_ok(client, f"/api/v3/applications/?limit={limit}", **bearer)  # noqa: E731
    pages = lambda: call_ok(client, f"/api/v3/pages/?limit={limit}")  # noqa: E731
    for _ in range(WARM_UP):
        ours(), pages()
    counts = queries_of(ours), queries_of(pages)
    times = ([], [])
    for _ in range(rounds * 2):
        times[0].append(timed(ours))
        times[1].append(timed(pages))
    (our_median, our_p95), (page_median, page_p95) = summary(times[0]), summary(times[1])
    ratio = our_median / page_median
    print(f"{f'applications, {limit} rows':40} {our_median:10.1f} {our_p95:8.1f} {counts[0]:8d}")
    print(f"{f'v3 pages, {limit} rows':40} {page_median:10.1f} {page_p95:8.1f} {counts[1]:8d}")
    print(f"{'ratio of medians':40} {ratio:9.2f}×", flush=True)
    return {
        "applications": {"median_ms": round(our_median, 1), "p95_ms": round(our_p95, 1), "queries": counts[0]},
        "pages": {"median_ms": round(page_median, 1), "p95_ms": round(page_p95, 1), "queries": counts[1]},
        "ratio": round(ratio, 2),
    }


def main() -> int:
    args = _arguments()
    only = [text.strip() for text in args.only.split(",")] if args.only else []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        if args.export_child:
            setup(os.environ.get("BENCH_SCALE_FOLDER", folder))
            export_child(args.export_child)
            return 0
        os.environ.setdefault("BENCH_SCALE_FOLDER", folder)
        setup(folder)
        started = time.monotonic()
        prepare(args.rows)
        from django.test import Client
        from wagtail.models import APIToken

        client = Client(HTTP_HOST="localhost")
        coordinator = coordinator_user()
        client.force_login(coordinator)
        _token, plaintext = APIToken.create_token(user=coordinator, name="bench-scale")
        bearer = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
        figures = {"rows": args.rows, "rounds": args.rounds, "P3": {}, "P5": {}}
        figures["P3"] = p3_calls(client, bearer, rows=args.rows, rounds=args.rounds, only=only)
        if not only or "P5" in only:
            print("\nP5: staff application list vs Wagtail's v3 pages list (alternated calls)")
            print(f"{'':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
            for limit in (20, 50):
                figures["P5"][f"{limit} rows"] = p5_lists(client, bearer, limit=limit, rounds=args.rounds)
        print(f"\n({time.monotonic() - started:.0f} s in all)")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
