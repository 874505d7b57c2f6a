"""`make bench-readers`: P7, anonymous readers' requests/s with the page cache against without it (goal ≥ 5×).

Two gunicorns (BENCH_HTTP_WORKERS sync workers each, default 2) serve the same throwaway database with the demo
content on the benchmark settings (production-like, ``bench/settings.py``): one as deployed (whole pages cached for
anonymous readers, ``cluster_pages/page_cache.py``), one with ``PAGE_CACHE_SECONDS=0`` (today's site). Only one of
them is loaded at a time. A load client in another process keeps BENCH_READERS_CONNECTIONS (default 4) GETs in
flight for BENCH_READERS_SECONDS (default 5) per figure, on the home page, a cluster page, the events index and the
case-study index, alternating uncached and cached side for each page, BENCH_READERS_ROUNDS times (default 2).
Prints requests/s, p50/p95 ms and errors per page and side, and cached over uncached (the goal beside it).

Then the freshness check the goal comes with: a reader's page is cached (a hit), the page is published with a new
title (in English, then in Korean), and the very next request must show it (exit 1 otherwise).

With REDIS_URL every cache is on Redis (under this run's own key prefix, removed at the end); without it the
database cache holds the generations both servers read and each process keeps its own pages.
Options (environment): BENCH_DATABASE_URL, REDIS_URL, BENCH_READERS_SECONDS, BENCH_READERS_CONNECTIONS,
BENCH_READERS_ROUNDS, BENCH_HTTP_WORKERS, BENCH_READERS_PORT (default 8785; the uncached server on the next port),
BENCH_JSON.
"""

import sys
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import asyncio
import json
import os
import statistics
import subprocess
import tempfile
import time
import urllib.request

from bench import submission
from bench.http import _environment, _gunicorn, _wait_for

HOST = "127.0.0.1"
GOAL = 5.0


# -- the load client (its own process) -------------------------------------------------------------------------


async def _get(port: int, path: str) -> tuple[bool, float]:
    start = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()
        writer.close()
    except OSError:
        return False, (time.perf_counter() - start) * 1000
    return response.startswith(b"HTTP/1.1 200"), (time.perf_counter() - start) * 1000


async def _load(port: int, path: str, connections: int, seconds: float) -> dict:
    latencies, counts = [], {"ok": 0, "errors": 0}
    deadline = time.perf_counter() + seconds

    async def connection_loop():
        while time.perf_counter() < deadline:
            ok, took = await _get(port, path)
            counts["ok" if ok else "errors"] += 1
            latencies.append(took)

    start = time.perf_counter()
    await asyncio.gather(*(connection_loop() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        **counts,
        "elapsed": elapsed,
        "p50": statistics.median(latencies) if latencies else 0,
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] if latencies else 0,
    }


def client_main(spec: str) -> int:
    print(json.dumps(asyncio.run(_load(**json.loads(spec)))))
    return 0


def _client(port: int, path: str, connections: int, seconds: float) -> dict:
    spec = json.dumps({"port": port, "path": path, "connections": connections, "seconds": seconds})
    output = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--client", spec], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)


# -- the driver ------------------------------------------------------------------------------------------------


def reader_pages() -> list[tuple[str, str]]:
    """(label, path) of the pages readers load most, in English."""
    from cluster_pages.models import CaseStudyIndexPage, EventIndexPage, ThematicClusterPage
    from home.models import HomePage

    english = {"locale__language_code": "en"}
    pages = [
        ("home", HomePage.objects.live().filter(**english).first()),
        ("a cluster page", ThematicClusterPage.objects.live().filter(**english).first()),
        ("events index", EventIndexPage.objects.live().filter(**english).first()),
        ("case-study index", CaseStudyIndexPage.objects.live().filter(**english).first()),
    ]
    return [(label, page.url) for label, page in pages if page is not None]


def _fetch(port: int, path: str) -> tuple[str, str]:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=30) as answer:
        return answer.headers.get("X-Page-Cache", ""), answer.read().decode()


def freshness(port: int) -> list[str]:
    """A cached cluster page published with a new title shows it on the very next request, per language."""
    from wagtail.models import Locale

    from cluster_pages.models import ThematicClusterPage

    english = ThematicClusterPage.objects.live().filter(locale__language_code="en").first()
    problems = []
    for language in ("en", "ko"):
        page = english.get_translation_or_none(Locale.objects.get(language_code=language))
        if page is None or not page.live:
            problems.append(f"{language}: no live page to publish (skipped)")
            continue
        path = page.url
        _fetch(port, path)
        state, _html = _fetch(port, path)
        stamp = f"R{time.time_ns()}"
        page.title = f"{page.title} {stamp}"
        page.save_revision().publish()
        _state, html = _fetch(port, path)
        seen = stamp in html
        print(f"freshness, {language}: before the publish {state or 'not cached'}; the next request shows it: {seen}")
        if not seen:
            problems.append(f"{language}: the publish did not show on the next request")
    return problems


def main() -> int:
    seconds = float(os.environ.get("BENCH_READERS_SECONDS", "5"))
    connections = int(os.environ.get("BENCH_READERS_CONNECTIONS", "4"))
    rounds = int(os.environ.get("BENCH_READERS_ROUNDS", "2"))
    workers = os.environ.get("BENCH_HTTP_WORKERS", "2")
    port = int(os.environ.get("BENCH_READERS_PORT", "8785"))
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as folder:
        environment = _environment(folder)
        os.environ.update(environment)
        print("bench-readers: migrating a throwaway database and loading the demo content…", flush=True)
        submission.setup(folder)
        os.environ.update(environment)
        pages = reader_pages()
        uncached = {**environment, "PAGE_CACHE_SECONDS": "0"}
        servers = {
            "cached": (port, _gunicorn(environment, workers=workers, port=port)),
            "uncached": (port + 1, _gunicorn(uncached, workers=workers, port=port + 1)),
        }
        figures, problems = {}, []
        try:
            for side_port, server in servers.values():
                _wait_for(side_port, server)
            for _label, path in pages:  # warm every worker: connections, site paths, chrome, the cached copies
                for side_port, _server in servers.values():
                    _client(side_port, path, int(workers) * 2, 1.0)
            totals = {(label, side): [] for label, _path in pages for side in servers}
            for _ in range(rounds):
                for label, path in pages:
                    for side in ("uncached", "cached"):
                        totals[label, side].append(_client(servers[side][0], path, connections, seconds))
            header = f"{'page':18} {'side':9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}"
            print(f"{header}  ratio (goal ≥ {GOAL:.0f}×)")
            for label, _path in pages:
                rates = {}
                for side in ("uncached", "cached"):
                    runs = totals[label, side]
                    rate = sum(run["ok"] for run in runs) / sum(run["elapsed"] for run in runs)
                    p50, p95 = statistics.median(r["p50"] for r in runs), max(r["p95"] for r in runs)
                    errors = sum(run["errors"] for run in runs)
                    rates[side] = rate
                    figures[f"{label}, {side}"] = {"per_second": rate, "p50": p50, "p95": p95, "errors": errors}
                    print(f"{label:18} {side:9} {rate:8.1f} {p50:7.1f} {p95:7.1f} {errors:6d}", end="")
                    if side == "cached":
                        ratio = rate / rates["uncached"] if rates["uncached"] else 0
                        figures[f"{label}, ratio"] = ratio
                        verdict = "met" if ratio >= GOAL else "not met"
                        print(f"  {ratio:.1f}× ({verdict})", end="")
                    print(flush=True)
            problems = freshness(servers["cached"][0])
        finally:
            for _port, server in servers.values():
                server.terminate()
                server.wait(timeout=30)
            submission.clear_caches()
        for problem in problems:
            print(f"freshness: {problem}")
        if os.environ.get("BENCH_JSON"):
            Path(os.environ["BENCH_JSON"]).write_text(json.dumps({"readers": figures, "problems": problems}, indent=2))
    return 1 if any("did not show" in problem for problem in problems) else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        sys.exit(client_main(sys.argv[2]))
    sys.exit(main())
