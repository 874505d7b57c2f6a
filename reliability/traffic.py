"""Many applicants at once: each a client of its own thread, most through the API, some through the HTML form
(with its CSRF cookie); then what was accepted against what the database holds."""

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed

from .client import Client, Submission, submit
from .figures import Figures
from .forms import Form
from .outbox import query


def submit_many(
    base_url: str,
    forms: dict[str, Form],
    numbers: Iterable[int],
    *,
    clients: int,
    html_every: int = 10,
    retry_for: float = 0,
    on_answered: Callable[[int], None] | None = None,
) -> list[Submission]:
    """Submission ``n`` goes to the city form when ``n`` is even, else the company form; every ``html_every``-th
    through the HTML form, the rest through the API. ``on_answered(count)`` runs after each answer."""
    local = threading.local()

    def one(n: int) -> Submission:
        if getattr(local, "client", None) is None:
            local.client = Client(base_url)
        form = forms["city" if n % 2 == 0 else "company"]
        via = "html" if html_every and n % html_every == 0 else "api"
        path = form.url_path if via == "html" else form.api_path
        submission = Submission(n=n, kind=form.kind, via=via)
        return submit(local.client, submission, path=path, answers=form.answers(n, via=via), retry_for=retry_for)

    results = []
    pool = ThreadPoolExecutor(max_workers=clients)
    try:
        futures = [pool.submit(one, n) for n in numbers]
        for future in as_completed(futures):
            results.append(future.result())
            if on_answered:
                on_answered(len(results))
    finally:
        # On Ctrl-C or SIGTERM the submissions not yet sent are dropped, so the cleanup need not wait for them.
        pool.shutdown(wait=True, cancel_futures=True)
    return sorted(results, key=lambda submission: submission.n)


def stored_references(references: list[str]) -> set[str]:
    found = set()
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        found |= set(query(lambda c=chunk: list(references_of(c))))
    return found


def references_of(chunk: list[str]):
    from workflows.models import Application

    return Application.objects.filter(reference__in=chunk).values_list("reference", flat=True)


def application_count() -> int:
    from workflows.models import Application

    return query(lambda: Application.objects.count())


def submission_figures(figures: Figures, submissions: list[Submission], *, rows_before: int) -> list[str]:
    """Accepted, refused, stored and lost; returns the accepted references."""
    accepted = [s.reference for s in submissions if s.reference]
    refused = [s for s in submissions if not s.reference]
    stored = stored_references(accepted)
    new_rows = application_count() - rows_before
    html = sum(s.via == "html" for s in submissions)
    figures.info("submissions sent (HTML form / API)", f"{len(submissions):,} ({html:,} / {len(submissions) - html:,})")
    figures.equal("submissions accepted", len(accepted), len(submissions))
    figures.equal("submissions refused or unanswered", len(refused), 0)
    figures.equal("rows stored", new_rows, len(accepted))
    figures.equal("lost (accepted, not stored)", len(set(accepted) - stored), 0)
    figures.equal("answered twice with one reference", len(accepted) - len(set(accepted)), 0)
    return accepted
