"""`make bench-http`: city applications per second over HTTP against a bare Django view, at 1, 4, 16 and 50 connections.

The site runs under gunicorn (BENCH_HTTP_WORKERS sync workers, default 2) on 127.0.0.1 with the benchmark settings
(production-like, ``bench/settings.py``), on a throwaway database with the demo content: BENCH_DATABASE_URL (an empty
PostgreSQL database, the figure the goal is about) or a SQLite file. A load client in another process (asyncio
streams, one connection per request as gunicorn's sync workers close them) keeps N requests in flight for
BENCH_HTTP_SECONDS per figure, alternating between our city application form, Wagtail's stock form page with the
same questions (``bench/baseline``, as in ``bench/submission.py``: what any Wagtail form costs) and the bare view
(``bench/baseline/bare.py``: the same middleware, CSRF included, validating a three-field form and doing one
INSERT). Our form answers a valid POST with 303 to its thank-you page (post-redirect-get, production's default;
the browser's GET that follows is not counted, as P1's "POST, then the thank-you page" row shows its cost); the
stock page and the bare view render theirs in the POST. Prints submissions/s, p50/p95 ms and errors per side and
concurrency, and counts the rows afterwards: every answered submission must be in the database (0 lost).

Rate limiting stays on but is set to 1,000,000 submissions per hour per address (every request comes from
127.0.0.1): the counter's cost is measured, its refusal is not. With REDIS_URL the caches and counters are on
Redis (under this run's own key prefix, removed at the end). Figures, not pass/fail.
Options (environment): BENCH_DATABASE_URL, REDIS_URL, BENCH_HTTP_SECONDS (default 10), BENCH_HTTP_CONNECTIONS
(default "1,4,16,50"), BENCH_HTTP_WORKERS (default 2), BENCH_HTTP_PORT (default 8765), BENCH_JSON (write the
figures there).
"""

import sys
from pathlib import Path

# Run as a script, this folder comes first on the path, and this file would stand in for the standard library's
# ``http`` (which urllib imports): the project's root takes its place.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import asyncio
import json
import os
import statistics
import subprocess
import tempfile
import time
import urllib.parse

from bench import submission
from bench.answers import CITY_APPLICATION

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


# -- the load client (its own process) -------------------------------------------------------------------------


async def _one(port: int, path: str, body: bytes, cookie: str, expect: bytes) -> tuple[bool, float]:
    start = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(
            (
                f"POST {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
            + body
        )
        await writer.drain()
        response = await reader.read()
        writer.close()
    except OSError:
        return False, (time.perf_counter() - start) * 1000
    # 303: our form's post-redirect-get (``expect`` is then its thank-you address, in the Location header).
    ok = response.startswith((b"HTTP/1.1 200", b"HTTP/1.1 303")) and expect in response
    return ok, (time.perf_counter() - start) * 1000


async def _load(port, path, fields, cookie, expect, connections, seconds, tag):
    """Keep ``connections`` requests in flight for ``seconds``; (successes, errors, latencies ms, elapsed s)."""
    latencies, counts = [], {"ok": 0, "errors": 0}
    serial = iter(range(10**9))
    deadline = time.perf_counter() + seconds

    async def connection_loop(number):
        while time.perf_counter() < deadline:
            email = f"http-{tag}-{number}-{next(serial)}@example.org"
            body = urllib.parse.urlencode({**fields, "applicant_email": email, "email": email}, doseq=True).encode()
            ok, took = await _one(port, path, body, cookie, expect)
            counts["ok" if ok else "errors"] += 1
            latencies.append(took)

    start = time.perf_counter()
    await asyncio.gather(*(connection_loop(number) for number in range(connections)))
    return counts["ok"], counts["errors"], latencies, time.perf_counter() - start


def client_main(spec: str) -> int:
    options = json.loads(spec)
    options["expect"] = options["expect"].encode()
    ok, errors, latencies, elapsed = asyncio.run(_load(**options))
    latencies.sort()
    print(
        json.dumps(
            {
                "ok": ok,
                "errors": errors,
                "per_second": ok / elapsed,
                "p50": statistics.median(latencies) if latencies else 0,
                "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] if latencies else 0,
            }
        )
    )
    return 0


# -- the driver ------------------------------------------------------------------------------------------------


def _environment(folder: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3",
        "DATABASE_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": f"{folder}/media",
        "PRIVATE_MEDIA_ROOT": f"{folder}/private",
        "WORKFLOW_FORMS_RATE_LIMIT": "1000000/h",
        "LOG_LEVEL": "WARNING",
        # The servers and this process (which removes the keys at the end) share one prefix.
        "BENCH_CACHE_KEY_PREFIX": f"bench-http-{os.getpid()}",
        "CACHE_KEY_PREFIX": f"bench-http-{os.getpid()}",
        "PYTHONPATH": str(ROOT),
    }


def _wait_for(port: int, server: subprocess.Popen) -> None:
    import urllib.request

    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/bench/bare/", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def _csrf(port: int) -> tuple[str, str]:
    """(cookie header, form token) from the bare view's GET: one pair serves every POST of the run."""
    import http.cookiejar
    import re
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(f"http://{HOST}:{port}/bench/bare/").read().decode()
    token = re.search(r'value="([^"]+)"', html).group(1)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar), token


BARE = {"name": "Kim Min-ji", "message": "A shared platform for the city's mobility data."}
HEADER = ("connections", "side", "subm./s", "p50 ms", "p95 ms", "errors", "ratio")


def _sides(submission) -> list[tuple]:
    """(label, path, answers, text of a success, model of the rows) of each side; Django is set up by now."""
    from wagtail.contrib.forms.models import FormSubmission

    from bench.baseline.models import BareSubmission
    from cluster_pages.models import CityApplication, ThematicClusterPage
    from workflows.pages import LANDING_PARAMETER, redirect_after_submission

    city, stock_page = submission.baseline_page()
    stock, stock_email = submission.baseline_answers(stock_page)
    stock[stock_email] = "http-stock@example.org"
    cluster = ThematicClusterPage.objects.live().filter(status__in=["forming", "active"]).first()
    # A valid POST answers 303 to the thank-you page (the browser's next GET is not counted), or renders it.
    ours_success = f"?{LANDING_PARAMETER}=" if redirect_after_submission() else "CA-"
    return [
        ("ours", city.url, {**CITY_APPLICATION, "clusters": [str(cluster.pk)]}, ours_success, CityApplication),
        ("stock", stock_page.url, stock, "Thank you", FormSubmission),
        ("bare", "/bench/bare/", BARE, "Thank you", BareSubmission),
    ]


def _gunicorn(environment: dict, *, workers: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "--workers", workers, "--bind", f"{HOST}:{port}"]
    command += ["--backlog", "2048", "--log-level", "warning", "cms.wsgi"]
    return subprocess.Popen(command, cwd=ROOT, env=environment)  # noqa: S603 - our own command line


def _print_level(connections: int, row: dict, ratios: dict) -> None:
    for label, figure in row.items():
        ratio = f"{ratios[label]:.0%}" if label != "bare" else ""
        print(
            f"{connections:11d} {label:5} {figure['per_second']:8.1f} {figure['p50']:8.0f} "
            f"{figure['p95']:8.0f} {figure['errors']:7d} {ratio:>6}",
            flush=True,
        )


def _measure(port: int, sides: list[tuple], *, levels: list[int], seconds: float, workers: str) -> tuple[list, dict]:
    """Each side at each number of connections: (the figures of every level, answered rows not stored by side)."""
    cookie, token = _csrf(port)
    sides = [(label, path, {**fields, "csrfmiddlewaretoken": token}, *rest) for label, path, fields, *rest in sides]
    # Warm every side (form class, site paths, chrome, connections) in every worker.
    for _label, path, fields, expect, _model in sides:
        _client(port, path, fields, cookie, expect, max(2, int(workers) * 2), 1.0, "warm")
    before = {label: model.objects.count() for label, _p, _f, _e, model in sides}
    answered = dict.fromkeys(before, 0)
    print("{:>11} {:5} {:>8} {:>8} {:>8} {:>7} {:>6}".format(*HEADER))
    results = []
    for connections in levels:
        row = {}
        for label, path, fields, expect, _model in sides:
            row[label] = _client(port, path, fields, cookie, expect, connections, seconds, label)
            answered[label] += row[label]["ok"]
        bare_rate = row["bare"]["per_second"]
        ratios = {label: row[label]["per_second"] / bare_rate if bare_rate else 0 for label in row}
        _print_level(connections, row, ratios)
        results.append({"connections": connections, **row, "ratio": ratios["ours"], "stock_ratio": ratios["stock"]})
    lost = {label: answered[label] - (model.objects.count() - before[label]) for label, _p, _f, _e, model in sides}
    return results, lost


def main() -> int:
    seconds = float(os.environ.get("BENCH_HTTP_SECONDS", "10"))
    levels = [int(level) for level in os.environ.get("BENCH_HTTP_CONNECTIONS", "1,4,16,50").split(",")]
    workers = os.environ.get("BENCH_HTTP_WORKERS", "2")
    port = int(os.environ.get("BENCH_HTTP_PORT", "8765"))
    with tempfile.TemporaryDirectory(prefix="bench-http-") as folder:
        environment = _environment(folder)
        os.environ.update(environment)
        print("bench-http: migrating a throwaway database and loading the demo content…", flush=True)
        submission.setup(folder)
        os.environ.update(environment)  # setup() gave its own key prefix
        sides = _sides(submission)
        server = _gunicorn(environment, workers=workers, port=port)
        try:
            _wait_for(port, server)
            results, lost = _measure(port, sides, levels=levels, seconds=seconds, workers=workers)
            print("rows: answered submissions not in the database: " + ", ".join(f"{k} {v}" for k, v in lost.items()))
        finally:
            server.terminate()
            server.wait(timeout=30)
            submission.clear_caches()
        if os.environ.get("BENCH_JSON"):
            Path(os.environ["BENCH_JSON"]).write_text(json.dumps({"http": results, "lost": lost}, indent=2))
    return 0 if not any(lost.values()) else 1


def _client(port, path, fields, cookie, expect, connections, seconds, tag) -> dict:
    spec = json.dumps(
        {
            "port": port,
            "path": path,
            "fields": fields,
            "cookie": cookie,
            "expect": expect,
            "connections": connections,
            "seconds": seconds,
            "tag": f"{tag}{connections}-{time.monotonic_ns()}",
        }
    )
    output = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--client", spec], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        sys.exit(client_main(sys.argv[2]))
    sys.exit(main())
