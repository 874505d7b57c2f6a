"""`make fuzz-api`: schemathesis over the API v3 OpenAPI document, against a live throwaway server.

A fresh SQLite database in a temporary folder is migrated and filled with the demo content; a coordinator's
API token is created for the run; `runserver` serves it on a free port on 127.0.0.1; schemathesis runs the
operations in PASSES with that token (public operations ignore it) and fails on any 5xx, response that breaks
its schema and, for the plugin's operations, undocumented status or request handled against its own schema.

Options (environment): FUZZ_MAX_EXAMPLES (plugin, default 50 per operation), FUZZ_PAGE_EXAMPLES (page reads,
default 40), FUZZ_WORKERS (default 2), FUZZ_SEED.
"""
# ruff: noqa: S603 - runs this interpreter on our own manage.py and schemathesis, never outside input

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Two passes. The plugin's operations get every check. Wagtail's page reads document only their 200, so they
# are held to "no 5xx, and every response matches its schema" (a 404/422 they answer is Wagtail's to
# document). Left out, Wagtail's own code: its page writes (create/update/delete/copy/move/publish...,
# revisions) and its sites, images, documents, redirects, snippets, schema, whoami and pages/find operations
# answer statuses they do not document (403, 404, 409, 400 ...) and some answer 500 for ids or offsets beyond
# SQLite's integer range (README, "Headless").
PASSES = (
    (r"^(workflow_forms_.+|applications_.+)$", "all", "FUZZ_MAX_EXAMPLES", "50"),
    (r"^(pages_list|pages_detail)$", "not_a_server_error,response_schema_conformance", "FUZZ_PAGE_EXAMPLES", "40"),
)

# CPython 3.11.7 raises SystemError("AST constructor recursion depth mismatch") from ast.parse deep in a
# stack (python/cpython#113297, fixed in 3.11.8). Hypothesis parses source only to *describe* a lambda in
# its reports, and tolerates SyntaxError there but not this; describe such a lambda generically instead.
RUN_SCHEMATHESIS = """
import sys
from hypothesis.internal import lambda_sources
describe = lambda_sources._lambda_description
def tolerant(f, *args, **kwargs):
    try:
        return describe(f, *args, **kwargs)
    except SystemError:
        return "lambda: <source unavailable>"
lambda_sources._lambda_description = tolerant
from schemathesis.cli import schemathesis
sys.argv[0] = "schemathesis"
sys.exit(schemathesis(["run", *sys.argv[1:]]))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args, env, capture=False) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def wait_for(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own 127.0.0.1 server
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fuzz-api-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/fuzz.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
        }
        print("fuzz-api: migrating a throwaway database and loading the demo content…", flush=True)
        manage("migrate", "--no-input", "-v0", env=env)
        manage("createcachetable", env=env)
        manage("load_initial_data", env=env, capture=True)
        token = json.loads(
            manage(
                "api_tokens", "create", "--user", "coordinator", "--name", "fuzz-api", "--json", env=env, capture=True
            )
        )["token"]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(folder) / "server.log", "w"),  # noqa: SIM115 - closed with the folder
        )
        try:
            wait_for(f"{base}/api/v3/openapi.json")
            failed = 0
            for operations, checks, examples_variable, examples in PASSES:
                args = [
                    f"{base}/api/v3/openapi.json",
                    "--header",
                    f"Authorization: Bearer {token}",
                    "--include-operation-id-regex",
                    operations,
                    "--checks",
                    checks,
                    "--max-examples",
                    os.environ.get(examples_variable, examples),
                    "--workers",
                    os.environ.get("FUZZ_WORKERS", "2"),
                    "--phases",
                    "examples,coverage,fuzzing,stateful",
                    "--no-color",
                ]
                if os.environ.get("FUZZ_SEED"):
                    args += ["--seed", os.environ["FUZZ_SEED"]]
                run = subprocess.run([sys.executable, "-c", RUN_SCHEMATHESIS, *args], cwd=ROOT, env=env)
                failed = failed or run.returncode
            return failed
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
