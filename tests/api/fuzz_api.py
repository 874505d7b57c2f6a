"""`make fuzz-api`: schemathesis over the API v3 OpenAPI document, against a live throwaway server.

A fresh SQLite database in a temporary folder is migrated and filled with the demo content; a coordinator's
API token is created for the run; `runserver` serves it on a free port on 127.0.0.1; schemathesis runs the
operations in PASSES with that token (public operations ignore it) and fails on any 5xx, response that breaks
its schema and, for the plugin's operations, undocumented status or request handled against its own schema.

So that the cases reach past "404 Not Found", the run first fills every live form once through the API as a
front end would (from the form's schema alone) and hands schemathesis the real identifiers: form, page and
application ids, status tokens and transition names, each used in about half the cases (the rest stay random).
The stateful phase follows the document's OpenAPI links (form → submit → status → withdraw; list →
application → transition).

Options (environment): FUZZ_MAX_EXAMPLES (plugin, default 50 per operation), FUZZ_WAGTAIL_EXAMPLES (Wagtail's
operations, default 40), FUZZ_WORKERS (default 2), FUZZ_SEED.
"""
# ruff: noqa: S603 - runs this interpreter on our own manage.py and schemathesis, never outside input

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Two passes. The plugin's operations get every check. Wagtail's own operations (pages, revisions, actions,
# schema, sites, whoami, redirects, snippets, images, documents) document only their success status, so they
# are held to "no 5xx, and every response matches its schema"; the coordinator's token lets most writes
# through. Left out, each for a 500 this fuzzer found in Wagtail 8.0.1's own code (docs/api.md):
WAGTAIL_LEFT_OUT = (
    "pages_create",  # a JSON array as the body: "type object 'list' has no attribute '_meta'"
    "pages_update",  # the same
    "images_list",  # a search with a stray quote: "unterminated string"
    "documents_list",  # the same search backend
    "snippets_revisions_list",  # these snippet operations' schemas are too contradictory to generate data for
    "snippets_revisions_detail",
    "snippets_actions_publish",
    "snippets_actions_unpublish",
    "snippets_actions_revert",
    "snippets_actions_copy_for_translation",
)
PASSES = (
    # Every check, as set in the generated schemathesis.toml (see write_config).
    (r"^(workflow_forms_.+|applications_.+)$", None, "FUZZ_MAX_EXAMPLES", "50", "examples,coverage,fuzzing,stateful"),
    (
        f"^(?!workflow_forms_|applications_|({'|'.join(WAGTAIL_LEFT_OUT)})$).+$",
        "not_a_server_error,response_schema_conformance",
        "FUZZ_WAGTAIL_EXAMPLES",
        "40",
        "examples,coverage,fuzzing",  # the links join plugin operations only; last, as it deletes
    ),
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


def call(url: str, *, token: str | None = None, body: dict | None = None) -> tuple[int, dict | list]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - our own 127.0.0.1 server
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


EXAMPLE_ANSWERS = {"url": "https://example.org/", "number": 1, "date": "2027-01-01", "datetime": "2027-01-01T10:00"}


def answers_from_schema(schema: dict, *, n: int) -> dict:
    """Fill a form from its API schema alone, like a front end (tests/api/test_workflow_forms.py uses it too)."""
    answers = {}
    for field in schema["fields"]:
        if not field["required"]:
            continue
        if field["choices"]:
            first = field["choices"][0]["value"]
            answers[field["name"]] = [first] if field["multiple"] else first
        elif field["type"] == "checkbox":
            answers[field["name"]] = True
        elif field["type"] == "email":
            answers[field["name"]] = f"fuzz-{n}@example.org"
        elif field["type"] in EXAMPLE_ANSWERS:
            answers[field["name"]] = EXAMPLE_ANSWERS[field["type"]]
        else:
            answers[field["name"]] = f"Fuzz answer {n} to {field['label']}"[: field["max_length"] or 100]
    return answers


def known_identifiers(api: str, token: str) -> dict[str, list]:
    """Real ids and tokens for schemathesis to use: submit each live form twice, then list what exists."""
    forms = call(f"{api}/workflow-forms/")[1]
    tokens = []
    for n, form in enumerate(forms * 2):
        schema = call(f"{api}/workflow-forms/{form['id']}/")[1]
        status, created = call(f"{api}/workflow-forms/{form['id']}/submissions/", body=answers_from_schema(schema, n=n))
        if status != 201:
            raise RuntimeError(f"seeding the fuzz: submitting form {form['id']} answered {status}: {created}")
        tokens.append(created["status_token"])
    status, applications = call(f"{api}/applications/?limit=20", token=token)
    if status != 200:
        raise RuntimeError(f"seeding the fuzz: listing applications answered {status}: {applications}")
    applications = applications["items"]
    pages = call(f"{api}/pages/?limit=20")[1]["items"]
    return {
        "form_ids": [form["id"] for form in forms],
        "status_tokens": tokens,
        "application_ids": [item["id"] for item in applications],
        "transition_names": ["review", "request_changes", "assign", "activate", "reject", "end", "reopen"],
        "page_ids": [page["id"] for page in pages],
    }


PARAMETER_DICTIONARIES = {
    "path.form_id": "form_ids",
    "path.token": "status_tokens",
    "path.application_id": "application_ids",
    "path.name": "transition_names",
    "path.page_id": "page_ids",
}


def write_config(folder: str, identifiers: dict[str, list]) -> Path:
    """A schemathesis.toml binding each path parameter to its real values in about half the cases."""
    lines = []
    for name, values in identifiers.items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values)}", ""]
    # A form's answers are described by GET /workflow-forms/{id}/ and a transition's inputs depend on the
    # transition named in the path, an assessment's scores must name each of the kind's criteria once, and the
    # reviewers asked for an assessment must be active staff who may assess that application (and a draft's
    # uploads are checked like the form's, and sending one validates every answer): OpenAPI cannot say
    # any of these, so a body valid for the generic schema may rightly get a 422 there. Every other check still
    # applies to these operations.
    lines += [
        "[[operations]]",
        'include-operation-id = ["workflow_forms_submit", "applications_status_resubmit", "applications_transition",'
        ' "applications_assessment_give", "applications_assessment_request", "workflow_forms_draft_create",'
        ' "workflow_forms_draft_update", "workflow_forms_draft_submit"]',
        "checks.positive_data_acceptance.enabled = false",
        "",
    ]
    lines += ["[checks]", "enabled = true", "", "[parameters]"]
    for parameter, dictionary in PARAMETER_DICTIONARIES.items():
        lines.append(f'"{parameter}" = {{ dictionary = "{dictionary}", probability = 0.5 }}')
    path = Path(folder) / "schemathesis.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fuzz-api-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/fuzz.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_MEDIA_ROOT": f"{folder}/private",
            # The 429 answer has its own tests; here the submissions must reach validation.
            "WORKFLOW_FORMS_RATE_LIMIT": "100000/h",
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
            identifiers = known_identifiers(f"{base}/api/v3", token)
            print(
                "fuzz-api: known identifiers:",
                ", ".join(f"{len(values)} {name}" for name, values in identifiers.items()),
                flush=True,
            )
            config = write_config(folder, identifiers)
            failed = 0
            for operations, checks, examples_variable, examples, phases in PASSES:
                args = [
                    f"{base}/api/v3/openapi.json",
                    "--header",
                    f"Authorization: Bearer {token}",
                    "--include-operation-id-regex",
                    operations,
                    "--max-examples",
                    os.environ.get(examples_variable, examples),
                    "--workers",
                    os.environ.get("FUZZ_WORKERS", "2"),
                    "--phases",
                    phases,
                    "--no-color",
                ]
                if checks:
                    args += ["--checks", checks]
                if os.environ.get("FUZZ_SEED"):
                    args += ["--seed", os.environ["FUZZ_SEED"]]
                # Run in the temporary folder: schemathesis reads the schemathesis.toml found there.
                run = subprocess.run([sys.executable, "-c", RUN_SCHEMATHESIS, *args], cwd=config.parent, env=env)
                failed = failed or run.returncode
            return failed
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
