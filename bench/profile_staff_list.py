"""cProfile of P5's two calls (``bench/scale.py``): the staff application list and Wagtail's v3 pages list.

Each side alone, after the same warm-up, on the database ``bench/scale.py`` prepares (``BENCH_DATABASE_URL``, or a
throwaway SQLite file) with ``BENCH_PROFILE_ROWS`` generated applications (default 2,000: the shares, not the
milliseconds, are what a profile tells; P5's figures are taken at 100,000). Writes each side's statements (with
their time in the database) and its 45 costliest functions by cumulative time to ``BENCH_PROFILE_OUT`` (default
``bench/profile_staff_list.txt``). Options (environment): BENCH_PROFILE_CALLS (default 20), BENCH_PROFILE_LIMIT
(rows per call, default 20).
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS = int(os.environ.get("BENCH_PROFILE_CALLS", "20"))
ROWS = int(os.environ.get("BENCH_PROFILE_ROWS", "2000"))
LIMIT = int(os.environ.get("BENCH_PROFILE_LIMIT", "20"))


def main() -> int:
    from bench import scale
    from bench.profile_submission import without_machine_paths

    out = Path(os.environ.get("BENCH_PROFILE_OUT", ROOT / "bench" / "profile_staff_list.txt"))
    report = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        scale.setup(folder)
        scale.prepare(ROWS)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from wagtail.models import APIToken

        client = Client(HTTP_HOST="localhost")
        token, plaintext = APIToken.create_token(user=scale.coordinator_user(), name="bench-profile")
        bearer = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
        sides = (
            ("staff application list", lambda: scale.call_ok(client, f"/api/v3/applications/?limit={LIMIT}", **bearer)),
            ("Wagtail's v3 pages list", lambda: scale.call_ok(client, f"/api/v3/pages/?limit={LIMIT}")),
        )
        for _ in range(scale.WARM_UP + 1):
            for _label, call in sides:
                call()
        for label, call in sides:
            with CaptureQueriesContext(connection) as queries:
                call()
            report.write(f"\n===== {label}, {LIMIT} rows of {ROWS:,}: {len(queries)} statements =====\n")
            for query in queries:
                report.write(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:200]}\n")
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(CALLS):
                call()
            profile.disable()
            report.write(f"\n----- {label}: {CALLS} calls -----\n")
            pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(45)
        token.delete()
    out.write_text(without_machine_paths(report.getvalue()))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
