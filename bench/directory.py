"""`make bench-directory`: the member directory (/members/) with 1,000 listed members against the cluster index page.

In one process through Django's test client on the benchmark settings (``bench/settings.py``), on a throwaway SQLite
database or the empty database BENCH_DATABASE_URL names, with the demo content. BENCH_MEMBERS (default 1,000)
active, listed member cities are added, spread over the live clusters and placed on the map. Calls alternate
between the directory and the cluster index page after a warm-up; prints median and p95 ms and the queries of one
call, for the directory as readers get it (its entries cached until a roster moves) and rebuilt on every call
(the cache's generation moved before each), and the directory's median over the index page's (goal ≤ 2×).
Options (environment): BENCH_ROUNDS (default 40), BENCH_MEMBERS, BENCH_DATABASE_URL, REDIS_URL, BENCH_JSON.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "1000"))
WARM_UP = 5


def listed_members() -> None:
    """MEMBERS active, consenting, placed city applications over the live clusters."""
    from django.db import transaction

    from cluster_pages.models import CityApplication, ThematicClusterPage
    from workflows.tokens import token_hash

    clusters = list(ThematicClusterPage.objects.live().filter(locale__language_code="en"))
    countries = ["KR", "ES", "MX", "BR", "KE", "ID", "FR", "US", "JP", "IN"]
    with transaction.atomic():
        for number in range(MEMBERS):
            CityApplication.objects.create(
                state="active",
                assigned_to=clusters[number % len(clusters)],
                city=f"City {number:04d}",
                country=countries[number % len(countries)],
                applicant_name=f"Mayor {number}",
                applicant_email=f"city-{number}@bench.example.org",
                organisation=f"City {number} council",
                project_title=f"Project {number}",
                project_description="A shared platform.",
                project_status="launched",
                partners_sought="",
                consent_public_listing=True,
                consent_project_title=number % 2 == 0,
                consent_privacy=True,
                latitude=(number * 7.3) % 140 - 55,
                longitude=(number * 13.7) % 360 - 180,
                map_place="gazetteer",
                status_token_hash=token_hash(f"bench-{number}"),
                fingerprint=f"bench-{number}",
            )


def main() -> int:
    from bench.submission import clear_caches, queries_of, setup, summary, timed

    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as folder:
        print("bench-directory: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        from django.test import Client

        from cluster_pages.roster_cache import rosters_invalidate

        listed_members()
        client = Client(HTTP_HOST="localhost")

        def rebuilt():
            rosters_invalidate()
            return client.get("/en/members/")

        calls = {
            "index": lambda: client.get("/en/clusters/"),
            "directory": lambda: client.get("/en/members/"),
            "rebuilt": rebuilt,
        }
        for _ in range(WARM_UP):
            for call in calls.values():
                assert call().status_code == 200
        counts = {side: queries_of(call) for side, call in calls.items()}
        times = {side: [] for side in calls}
        for _ in range(ROUNDS):
            for side, call in calls.items():
                times[side].append(timed(call))
        print(f"{'':46} {'median ms':>10} {'p95 ms':>8} {'queries':>8}   ({ROUNDS} rounds; {MEMBERS} members)")
        for side, label in (
            ("index", "cluster index page"),
            ("directory", f"directory, {MEMBERS} listed (cached entries)"),
            ("rebuilt", f"directory, {MEMBERS} listed (rebuilt each call)"),
        ):
            median, p95 = summary(times[side])
            figures[label] = {"median": median, "p95": p95, "queries": counts[side]}
            print(f"{label:46} {median:10.1f} {p95:8.1f} {counts[side]:8d}")
        for side in ("directory", "rebuilt"):
            ratio = summary(times[side])[0] / summary(times["index"])[0]
            figures[f"ratio {side} over index"] = ratio
            print(f"{'ratio ' + side + ' over the index (goal ≤ 2)':46} {ratio:9.2f}×", flush=True)
        clear_caches()
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
