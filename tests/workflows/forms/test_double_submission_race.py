"""Two identical submissions at the same moment (a double click, a retried request): one row, one reference."""

from tests.concurrency import POSTGRES_RACE, run_at_once
from workflows.api.forms import build_form
from workflows.services.submissions import submission_create

from ..testapp.models import MembershipApplication

ROUNDS = 20

pytestmark = POSTGRES_RACE


def submit_together(page, data):
    """Both submissions at the same moment; what each returned (or raised)."""

    def submit():
        form = build_form(page, dict(data))
        assert form.is_valid(), form.errors
        return submission_create(form_page=page, cleaned_data=form.cleaned_data, files=[])

    return run_at_once(submit, submit)


def test_two_identical_submissions_at_once_make_one_application_twenty_times_over(apply_form):
    for round_number in range(ROUNDS):
        data = apply_form.data(applicant_email=f"race-{round_number}@university.example")

        first, second = submit_together(apply_form.page, data)

        assert not isinstance(first, Exception) and not isinstance(second, Exception), (first, second)
        assert sorted([first.created, second.created]) == [False, True], f"round {round_number}"
        assert first.submission.reference == second.submission.reference
        winner, echo = (first, second) if first.created else (second, first)
        assert winner.token and echo.token is None, "only the first answer carries the status token"
        assert MembershipApplication.objects.filter(applicant_email=data["applicant_email"]).count() == 1
