"""`make bench-directory`: P8, the members directory and a meeting session page against the cluster index page.

Goals (issue 25): the directory page with 1,000 listed members and a meeting session page with 500 registrations
each cost at most 2× the cluster index page (ratio of medians, calls alternated after a warm-up), and their
queries stay constant in the number of rows (counted at a tenth of the rows and at all of them).

In one process through Django's test client on the benchmark settings, with the whole-page cache off
(``PAGE_CACHE_SECONDS=0``: what a page costs to build; P7 measures the cache). The two page types are being built
on other branches; each target below names its page model and a ``populate`` function that makes one live page
with ``count`` rows and returns it. Until the model exists the target says "skipped" with the reason, and the
script still exits 0. To plug a page in: set ``model`` to its ``app_label.ModelName`` and write ``populate``.
Options (environment): BENCH_ROUNDS (default 40), BENCH_DIRECTORY_MEMBERS (default 1,000),
BENCH_SESSION_REGISTRATIONS (default 500), BENCH_DATABASE_URL, REDIS_URL, BENCH_JSON.
"""

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
WARM_UP = 5
GOAL = 2.0


@dataclass
class Target:
    label: str
    model: str  # "app_label.ModelName" of the page type
    rows: int
    populate: object  # populate(model, count) -> a live page with ``count`` rows


def populate_directory(model, count):
    """A live directory page listing ``count`` members (to be written with the page: see the module's docstring)."""
    raise NotImplementedError("the directory page's branch writes how to list its members")


def populate_session(model, count):
    """A live meeting session page with ``count`` registrations (to be written with the page)."""
    raise NotImplementedError("the meeting sessions' branch writes how to register people")


TARGETS = [
    Target(
        "directory (/members/)",
        os.environ.get("BENCH_DIRECTORY_MODEL", "cluster_pages.MemberDirectoryPage"),
        int(os.environ.get("BENCH_DIRECTORY_MEMBERS", "1000")),
        populate_directory,
    ),
    Target(
        "meeting session",
        os.environ.get("BENCH_SESSION_MODEL", "cluster_pages.MeetingSessionPage"),
        int(os.environ.get("BENCH_SESSION_REGISTRATIONS", "500")),
        populate_session,
    ),
]


def _model(label: str):
    from django.apps import apps

    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def measure(target: Target, index_url: str, client) -> dict | None:
    from bench.submission import queries_of, summary, timed

    model = _model(target.model)
    if model is None:
        print(f"{target.label}: skipped, the page type {target.model} does not exist yet (another branch adds it)")
        return None
    try:
        small = target.populate(model, max(1, target.rows // 10))
        full = target.populate(model, target.rows)
    except NotImplementedError as reason:
        print(f"{target.label}: skipped, {target.model} exists but bench/directory.py cannot fill it yet ({reason})")
        return None
    calls = {"index": lambda: client.get(index_url), "page": lambda: client.get(full.url)}
    for _ in range(WARM_UP):
        calls["index"](), calls["page"]()
    queries = {"small": queries_of(lambda: client.get(small.url)), "full": queries_of(calls["page"])}
    times = {side: [] for side in calls}
    for _ in range(ROUNDS):
        for side, call in calls.items():
            times[side].append(timed(call))
    (median, p95), (index_median, _index_p95) = summary(times["page"]), summary(times["index"])
    ratio = median / index_median
    constant = queries["small"] == queries["full"]
    verdict = "met" if ratio <= GOAL and constant else "not met"
    print(
        f"{target.label}: {target.rows} rows {median:.1f} / {p95:.1f} ms, cluster index {index_median:.1f} ms: "
        f"{ratio:.2f}× (goal ≤ {GOAL:.0f}×); queries {queries['small']} at {max(1, target.rows // 10)} rows, "
        f"{queries['full']} at {target.rows} (goal: constant) — {verdict}",
        flush=True,
    )
    return {"median": median, "p95": p95, "index_median": index_median, "ratio": ratio, "queries": queries}


def main() -> int:
    from bench.submission import clear_caches, setup

    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as folder:
        print("bench-directory: migrating a throwaway database and loading the demo content…", flush=True)
        os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
        setup(folder)
        from django.test import Client

        from cluster_pages.models import ClusterIndexPage

        index_url = ClusterIndexPage.objects.live().filter(locale__language_code="en").first().url
        client = Client(HTTP_HOST="localhost")
        for target in TARGETS:
            figures[target.label] = measure(target, index_url, client)
        clear_caches()
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
