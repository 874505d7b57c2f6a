"""cProfile of P3's workspace listing calls at 100,000 rows, as the demo coordinator, on ``bench/scale.py``'s data.

For each URL (default: the city applications' first page, sorted by city, and page 500), after the same warm-up:
the statements of one call with the slowest five and the time the database spent on them, the wall time per call,
and the 40 costliest functions by cumulative time over BENCH_PROFILE_CALLS calls (default 10). Written to
BENCH_PROFILE_OUT (default ``bench/profile_listing.txt``). cProfile inflates Python-heavy code: read the shares.

    BENCH_DATABASE_URL=postgres://…/perf_scale REDIS_URL=redis://127.0.0.1:6379/0 python bench/profile_listing.py
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS = int(os.environ.get("BENCH_PROFILE_CALLS", "10"))
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
LISTING = "/admin/applications/city-applications/"
URLS = (LISTING, f"{LISTING}?ordering=city", f"{LISTING}?p=500")


def profile(client, url: str, report: io.StringIO) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    statements = captured.captured_queries
    database = sum(float(statement["time"]) for statement in statements)
    started = time.perf_counter()
    for _ in range(CALLS):
        client.get(url)
    wall = (time.perf_counter() - started) * 1000 / CALLS
    report.write(f"\n===== {url}: {len(statements)} statements, {database * 1000:.0f} ms in the database, ")
    report.write(f"{wall:.0f} ms per call (unprofiled, DEBUG's query log on) =====\n")
    for statement in sorted(statements, key=lambda statement: -float(statement["time"]))[:5]:
        report.write(f"{float(statement['time']) * 1000:7.1f} ms  {statement['sql'][:240]}\n")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(CALLS):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(40)


def main() -> int:
    from bench.profile_submission import without_machine_paths
    from bench.scale import coordinator_user, prepare, setup

    out = Path(os.environ.get("BENCH_PROFILE_OUT", ROOT / "bench" / "profile_listing.txt"))
    report = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="bench-profile-listing-") as folder:
        os.environ.setdefault("BENCH_SCALE_FOLDER", folder)
        setup(folder)
        prepare(ROWS)
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        client.force_login(coordinator_user())
        for url in URLS:
            profile(client, url, report)
    out.write_text(without_machine_paths(report.getvalue()))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
