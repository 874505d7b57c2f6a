"""cProfile of P1's calls (``bench/submission.py``'s cases), each side alone, after the same warm-up.

Writes the 40 costliest functions by cumulative time of every case and side to BENCH_PROFILE_OUT (default
``bench/profile_submission.txt``). cProfile inflates Python-heavy code: read the shares, not the milliseconds.
Options (environment): BENCH_PROFILE_CALLS (default 20), BENCH_DATABASE_URL, REDIS_URL.
"""

import cProfile
import io
import os
import pstats
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS = int(os.environ.get("BENCH_PROFILE_CALLS", "20"))


def without_machine_paths(text: str) -> str:
    """The profile's file names relative to the checkout or to site-packages, as they are committed."""
    return re.sub(r"\S*site-packages/", "", text.replace(f"{ROOT}/", ""))


def main() -> int:
    from bench.submission import WARM_UP, cases, clear_caches, setup

    out = Path(os.environ.get("BENCH_PROFILE_OUT", ROOT / "bench" / "profile_submission.txt"))
    report = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        print("bench-profile: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        for label, ours, theirs in cases():
            for _ in range(WARM_UP):
                ours(), theirs()
            for side, call in (("ours", ours), ("stock page", theirs)):
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(CALLS):
                    call()
                profile.disable()
                report.write(f"\n===== {label}, {side}: {CALLS} calls =====\n")
                pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(40)
        clear_caches()
    out.write_text(without_machine_paths(report.getvalue()))
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    if str(ROOT / "bench") in sys.path:
        sys.path.remove(str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
