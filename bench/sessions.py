"""`make bench-sessions`: P8, an event page whose session holds 500 registrations against the cluster index page.

Goal (issue 25): the event page (its sessions with places left and the waiting list counted) costs at most 2× the
cluster index page (ratio of medians, calls alternated after a warm-up), and its queries stay constant in the
number of registrations (counted at a tenth of the rows and at all of them). The member directory, the other P8
page, has its own script (`bench/directory.py`).

In one process through Django's test client on the benchmark settings, with the whole-page cache off
(``PAGE_CACHE_SECONDS=0``: what a page costs to build; P7 measures the cache). Registrations go through the
plugin's ``registration_create`` (the first half confirmed, the rest on the waiting list).
Options (environment): BENCH_ROUNDS (default 40), BENCH_SESSION_REGISTRATIONS (default 500), BENCH_DATABASE_URL,
REDIS_URL, BENCH_JSON.
"""

import itertools
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


def populate_session(model, count):
    """A live event page with one session of ``count // 2`` places and a waiting list, holding ``count``
    registrations (half confirmed, half waiting)."""
    import datetime

    from django.utils import timezone

    from cluster_pages.models import EventIndexPage, EventPage
    from workflows.services.places import registration_create

    number = next(_pages)
    index = EventIndexPage.objects.live().filter(locale__language_code="en").first()
    starts = timezone.now() + datetime.timedelta(days=30)
    page = EventPage(
        title=f"Bench summit {number}",
        slug=f"bench-summit-{number}",
        start_date=starts.date(),
        end_date=starts.date(),
        time_zone="Asia/Seoul",
        summary="A summit with one large session.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    session = model.objects.create(
        page=page,
        title="Plenary",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        places=max(1, count // 2),
        waiting_list_enabled=True,
    )
    people = itertools.count(1)
    for _ in range(count):
        person = next(people)
        registration_create(
            slot=session,
            fields={
                "applicant_name": f"Participant {person}",
                "applicant_email": f"p{number}-{person}@city.example",
                "organisation": "City hall",
                "role": "Officer",
                "city": "Seoul",
                "country": "KR",
                "consent_privacy": True,
            },
        )
    return page


_pages = itertools.count(1)

TARGETS = [
    Target(
        "event page, one session",
        "cluster_pages.EventSession",
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
        print(f"{target.label}: skipped ({reason})")
        return None
    calls = {"index": lambda: client.get(index_url), "page": lambda: client.get(full.url)}
    small_page = lambda: client.get(small.url)  # noqa: E731 - counted like the full page: after the same warm-up
    for _ in range(WARM_UP):
        calls["index"](), calls["page"](), small_page()
    queries = {"small": queries_of(small_page), "full": queries_of(calls["page"])}
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
    with tempfile.TemporaryDirectory(prefix="bench-sessions-") as folder:
        print("bench-sessions: migrating a throwaway database and loading the demo content…", flush=True)
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
