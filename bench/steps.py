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


def measured(call) -> tuple[tuple[float, float], int]:
    """``call`` after a warm-up: (median, p95) ms over ROUNDS calls, and the queries of one call."""
    for _ in range(WARM_UP):
        call()
    queries, _status = queries_and_status(call)
    return summary([timed(call) for _ in range(ROUNDS)]), queries


class Applicant:
    """A visitor filling the city form in steps, each run with a new draft (a new browser)."""

    def __init__(self, city, answers: dict, email):
        from django.test import Client

        self.city, self.answers, self.email = city, answers, email
        self.visitor = Client(HTTP_HOST="localhost")
        self.send_statuses = []

    def step(self, number: int, address: str):
        data = {name: self.answers[name] for name in STEP_FIELDS[number] if name in self.answers}
        if number == 0:
            data["applicant_email"] = address
        return self.visitor.post(self.city.url, {"wf_step": str(number), "wf_action": "next", **data})

    def to_summary(self) -> None:
        self.visitor.cookies.clear()  # a new draft: a new applicant
        address = self.email()
        for number in range(len(STEP_FIELDS)):
            self.step(number, address)

    def send(self):
        response = self.visitor.post(self.city.url, {"wf_step": str(len(STEP_FIELDS)), "wf_action": "send"})
        self.send_statuses.append(response.status_code)
        return response


def one_page_figures(city, answers: dict, email) -> dict:
    """GET and POST of the city form on one page (its "Step" dividers removed)."""
    from django.test import Client

    city_form_in_one_page(city)
    one = Client(HTTP_HOST="localhost")
    return {
        "GET": measured(lambda: one.get(city.url)),
        "POST": measured(lambda: one.post(city.url, {**answers, "applicant_email": email()})),
    }


def send_figures(applicant: Applicant) -> tuple[tuple[float, float], int]:
    """Send from the summary, a new draft filled before each (untimed)."""
    times, queries = [], None
    for _ in range(ROUNDS):
        applicant.to_summary()
        if queries is None:
            queries, _status = queries_and_status(applicant.send)
            continue
        times.append(timed(applicant.send))
    if len(set(applicant.send_statuses)) != 1 or not set(applicant.send_statuses) <= {200, 303}:
        raise RuntimeError(f"the sends answered {sorted(set(applicant.send_statuses))}, not all 303 (or all 200)")
    return summary(times), queries


def print_row(label: str, figures, reference=None) -> None:
    (median, p95), queries = figures
    ratio = f"{median / reference[0][0]:6.2f}×" if reference else ""
    print(f"{label:22} {median:10.1f} {p95:8.1f} {queries:8d} {ratio}", flush=True)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-steps-") as folder:
        print("bench: migrating a throwaway database and loading the demo content…", flush=True)
        setup(folder)
        from cluster_pages.models import CityApplicationFormField, CityApplicationFormPage, ThematicClusterPage

        city = CityApplicationFormPage.objects.live().filter(locale__language_code="en").first()
        dividers = [(row.label, row.choices, row.sort_order) for row in city.form_fields.filter(field_type="step")]
        cluster = ThematicClusterPage.objects.live().filter(status__in=["forming", "active"]).first()
        answers = {**CITY_APPLICATION, "clusters": [str(cluster.pk)]}
        counter = iter(range(10**9))

        def email():
            return f"bench-{next(counter)}@example.org"

        reference = one_page_figures(city, answers, email)
        for label, choices, order in dividers:  # the same form in steps
            CityApplicationFormField.objects.create(
                page=city, label=label, field_type="step", choices=choices, sort_order=order
            )
        city.save_revision().publish()
        applicant = Applicant(city, answers, email)
        applicant.to_summary()

        print(f"{'':22} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'ratio':>7}   ({ROUNDS} rounds)")
        for method in ("GET", "POST"):
            print_row(f"one page {method}", reference[method])
        print_row("GET a step", measured(lambda: applicant.visitor.get(f"{city.url}?step=2")), reference["GET"])
        print_row("POST Next", measured(lambda: applicant.step(0, "bench-next@example.org")), reference["POST"])
        print_row("POST Send (summary)", send_figures(applicant), reference["POST"])
        clear_caches()
    return 0


if __name__ == "__main__":
    sys.exit(main())
