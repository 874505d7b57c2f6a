"""Different applicants to one form are saved side by side: the double-submission guard holds back only an
identical submission, never everyone else's."""

import threading

from django.db import connection, transaction

from tests.concurrency import POSTGRES_RACE
from workflows.api.forms import build_form
from workflows.services.submissions import submission_create

from ..testapp.models import MembershipApplication

pytestmark = POSTGRES_RACE


def submit(page, data):
    form = build_form(page, dict(data))
    assert form.is_valid(), form.errors
    return submission_create(form_page=page, cleaned_data=form.cleaned_data, files=[])


def test_a_second_applicant_is_saved_while_the_first_submission_is_still_being_saved(apply_form):
    saving, finish = threading.Event(), threading.Event()

    def first_still_saving():
        try:
            with transaction.atomic():
                submit(apply_form.page, apply_form.data(applicant_email="first@university.example"))
                saving.set()
                finish.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=first_still_saving)
    thread.start()
    try:
        assert saving.wait(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '3s'")  # waiting for the first one fails instead of hanging
        second = submit(apply_form.page, apply_form.data(applicant_email="second@university.example"))
    finally:
        finish.set()
        thread.join(timeout=30)

    assert second.created
    assert set(MembershipApplication.objects.values_list("applicant_email", flat=True)) == {
        "first@university.example",
        "second@university.example",
    }
