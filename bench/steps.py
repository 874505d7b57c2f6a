"""`make bench-steps`: the city application in steps against the same form on one page (issue 24's budget: a
step's GET and POST within 1.2× of the one-page form's).

One process, Django's test client, the benchmark settings and a throwaway SQLite database, as
``bench/submission.py``. The one-page side is the demo's city form without its "Step" dividers; then the
dividers are put back and each step's call is timed: GET of a step (the browser has a draft), POST of Next on
step 1 (its answers kept in the draft), and POST of Send on the summary (the whole form validated, the
submission created from the draft with its file). Prints median and 95th percentile in ms, the queries of one
call, and the ratio to the one-page form's GET or POST. Figures, not pass/fail. BENCH_ROUNDS (default 40).
"""

import sys
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import tempfile

from bench.answers import CITY_APPLICATION, city_form_in_one_page
from bench.submission import ROUNDS, WARM_UP, clear_caches, setup, summary, timed

STEP_FIELDS = (
    ("applicant_name", "role", "applicant_email", "phone"),
    ("city", "country", "organisation"),
    (
        "clusters",
        "project_title",
        "project_description",
        "project_status",
        "partners_sought",
        "consent_public_listing",
        "consent_privacy",
    ),
)


def queries_and_status(call) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = call()
    failed = b"errorlist" in response.content or b"error-summary" in response.content
    if response.status_code not in (200, 303) or failed:
        raise RuntimeError(f"unexpected answer {response.status_code}: {response.content[:400]!r}")
    return len(queries), response.status_code


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-steps-") as folder:
        print("bench: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        from django.test import Client

        from cluster_pages.models import CityApplicationFormField, CityApplicationFormPage, ThematicClusterPage

        city = CityApplicationFormPage.objects.live().filter(locale__language_code="en").first()
        dividers = [(row.label, row.choices, row.sort_order) for row in city.form_fields.filter(field_type="step")]
        cluster = ThematicClusterPage.objects.live().filter(status__in=["forming", "active"]).first()
        answers = {**CITY_APPLICATION, "clusters": [str(cluster.pk)]}
        counter = iter(range(10**9))

        def email():
            return f"bench-{next(counter)}@example.org"

        # -- the form on one page -------------------------------------------------------------------------
        city_form_in_one_page(city)
        one = Client(HTTP_HOST="localhost")
        single = {
            "GET": lambda: one.get(city.url),
            "POST": lambda: one.post(city.url, {**answers, "applicant_email": email()}),
        }
        reference = {}
        for method, call in single.items():
            for _ in range(WARM_UP):
                call()
            queries, _status = queries_and_status(call)
            reference[method] = (summary([timed(call) for _ in range(ROUNDS)]), queries)

        # -- the same form in steps -----------------------------------------------------------------------
        for label, choices, order in dividers:
            CityApplicationFormField.objects.create(
                page=city, label=label, field_type="step", choices=choices, sort_order=order
            )
        city.save_revision().publish()
        visitor = Client(HTTP_HOST="localhost")

        def step(number: int, address: str):
            data = {name: answers[name] for name in STEP_FIELDS[number] if name in answers}
            if number == 0:
                data["applicant_email"] = address
            return visitor.post(city.url, {"wf_step": str(number), "wf_action": "next", **data})

        def to_summary():
            visitor.cookies.clear()  # a new draft: a new applicant
            address = email()
            for number in range(len(STEP_FIELDS)):
                step(number, address)

        to_summary()
        send_calls = []

        def send():
            response = visitor.post(city.url, {"wf_step": str(len(STEP_FIELDS)), "wf_action": "send"})
            send_calls.append(response.status_code)
            return response

        stepped = {
            "GET a step": ("GET", lambda: visitor.get(f"{city.url}?step=2")),
            "POST Next": ("POST", lambda: step(0, "bench-next@example.org")),
        }
        print(f"{'':22} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'ratio':>7}   ({ROUNDS} rounds)")
        for method in ("GET", "POST"):
            (median, p95), queries = reference[method]
            print(f"{'one page ' + method:22} {median:10.1f} {p95:8.1f} {queries:8d}")
        for label, (method, call) in stepped.items():
            for _ in range(WARM_UP):
                call()
            queries, _status = queries_and_status(call)
            median, p95 = summary([timed(call) for _ in range(ROUNDS)])
            ratio = median / reference[method][0][0]
            print(f"{label:22} {median:10.1f} {p95:8.1f} {queries:8d} {ratio:6.2f}×")
        times, queries = [], None
        for _ in range(ROUNDS):
            to_summary()
            if queries is None:
                queries, _status = queries_and_status(send)
                continue
            times.append(timed(send))
        median, p95 = summary(times)
        ratio = median / reference["POST"][0][0]
        print(f"{'POST Send (summary)':22} {median:10.1f} {p95:8.1f} {queries:8d} {ratio:6.2f}×", flush=True)
        if set(send_calls) != {200}:
            raise RuntimeError(f"a send did not answer 200: {sorted(set(send_calls))}")
        clear_caches()
    return 0


if __name__ == "__main__":
    sys.exit(main())
