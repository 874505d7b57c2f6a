"""Two identical submissions at the same moment (a double click, a retried request): one row, one reference."""

import threading

import pytest
from django.db import connection

from cluster_pages.models import CityApplication
from workflows.api.forms import build_form
from workflows.services.submissions import submission_create

from .support import city_data

ROUNDS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the form page's row lock (SELECT ... FOR UPDATE) decides the race; SQLite lacks it",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit_together(page, data):
    """Both submissions start from a barrier, each thread on its own connection; return both results."""
    barrier = threading.Barrier(2, timeout=30)
    results = [None, None]

    def run(index):
        try:
            form = build_form(page, dict(data))
            assert form.is_valid(), form.errors
            barrier.wait()
            results[index] = submission_create(form_page=page, cleaned_data=form.cleaned_data, files=[])
        except Exception as error:  # reported by the assertions below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_identical_submissions_at_once_make_one_application_twenty_times_over(forms):
    for round_number in range(ROUNDS):
        data = city_data(forms, applicant_email=f"race-{round_number}@seoul.example")

        first, second = submit_together(forms.city, data)

        assert not isinstance(first, Exception) and not isinstance(second, Exception), (first, second)
        assert sorted([first.created, second.created]) == [False, True], f"round {round_number}"
        assert first.submission.reference == second.submission.reference
        winner, echo = (first, second) if first.created else (second, first)
        assert winner.token and echo.token is None, "only the first answer carries the status token"
        assert CityApplication.objects.filter(applicant_email=data["applicant_email"]).count() == 1
