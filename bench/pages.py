"""`make bench-pages`: a cluster page with no members against one with 1,000; the home page; a filtered listing.

In one process through Django's test client on the benchmark settings (``bench/settings.py``: production-like,
the site's caches), on a throwaway SQLite database or the empty database BENCH_DATABASE_URL names. Two live
clusters: one without members, one with BENCH_MEMBERS (default 1,000) active city applications assigned to it
(every third one not listed by name). Calls alternate between the two cluster pages after a warm-up; prints
median and p95 ms, the queries of one call, and the big cluster's median over the empty one's (goal ≤ 1.5×,
≤ 15 queries). Then the home page with its figures and the case-study index filtered, alone. All with the
whole-page cache off (``PAGE_CACHE_SECONDS=0``): what a page costs to build; P7 (``bench/readers.py``) measures it.
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


def clusters_with_and_without_members():
    """(empty cluster, cluster with MEMBERS active city applications), both live and taking members."""
    from django.db import transaction

    from cluster_pages.models import CityApplication, ThematicClusterPage
    from workflows.tokens import token_hash

    index = ThematicClusterPage.objects.live().first().get_parent()
    pages = []
    for title in ("Bench: no members", "Bench: many members"):
        slug = title.lower().replace(":", "").replace(" ", "-")
        page = ThematicClusterPage(title=title, slug=slug, status="active", summary="A cluster for the benchmark.")
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(ThematicClusterPage.objects.get(pk=page.pk))
    countries = ["KR", "ES", "MX", "BR", "KE", "ID", "FR", "US", "JP", "IN"]
    with transaction.atomic():
        for number in range(MEMBERS):
            CityApplication.objects.create(
                state="active",
                assigned_to=pages[1],
                city=f"City {number:04d}",
                country=countries[number % len(countries)],
                applicant_name=f"Mayor {number}",
                applicant_email=f"city-{number}@bench.example.org",
                organisation=f"City {number} council",
                project_title="Mobility data platform",
                project_description="A shared platform.",
                project_status="launched",
                partners_sought="",
                consent_public_listing=number % 3 != 0,
                consent_privacy=True,
                status_token_hash=token_hash(f"bench-{number}"),
                fingerprint=f"bench-{number}",
            )
    return pages


def main() -> int:
    from bench.submission import clear_caches, queries_of, setup, summary, timed

    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder:
        print("bench-pages: migrating a throwaway database and loading the demo content…", flush=True)
        # What a page costs to build: the whole-page cache for readers is P7's (bench/readers.py).
        os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
        setup(folder)
        from django.test import Client

        empty, full = clusters_with_and_without_members()
        client = Client(HTTP_HOST="localhost")
        header = f"{'':42} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
        print(f"{header}   ({ROUNDS} rounds; {MEMBERS} members)")
        calls = {"empty": lambda: client.get(empty.url), "full": lambda: client.get(full.url)}
        for _ in range(WARM_UP):
            calls["empty"](), calls["full"]()
        counts = {side: queries_of(call) for side, call in calls.items()}
        times = {side: [] for side in calls}
        for _ in range(ROUNDS):
            for side, call in calls.items():
                times[side].append(timed(call))
        for side, label in (("empty", "cluster page, no members"), ("full", f"cluster page, {MEMBERS} members")):
            median, p95 = summary(times[side])
            figures[label] = {"median": median, "p95": p95, "queries": counts[side]}
            print(f"{label:42} {median:10.1f} {p95:8.1f} {counts[side]:8d}")
        ratio = summary(times["full"])[0] / summary(times["empty"])[0]
        figures["cluster ratio"] = ratio
        print(f"{'ratio (members over none)':42} {ratio:9.2f}×", flush=True)
        for label, url in (
            ("home page (figures)", "/en/"),
            ("case studies, filtered", "/en/case-studies/?country=KR&status=ongoing"),
        ):
            call = lambda url=url: client.get(url)  # noqa: E731 - one call per URL
            for _ in range(WARM_UP):
                call()
            count = queries_of(call)
            median, p95 = summary([timed(call) for _ in range(ROUNDS)])
            figures[label] = {"median": median, "p95": p95, "queries": count}
            print(f"{label:42} {median:10.1f} {p95:8.1f} {count:8d}", flush=True)
        clear_caches()
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
