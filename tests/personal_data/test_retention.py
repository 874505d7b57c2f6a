"""Applications rejected or withdrawn longer than the retention period are anonymised; younger ones are not."""

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone

from cluster_pages.models import CityApplication, ThemeSuggestion
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db
ONE_DAY = relativedelta(days=1)


def left_in_state_ago(submission, delta) -> None:
    type(submission).objects.filter(pk=submission.pk).update(state_changed_at=timezone.now() - delta)


def anonymise():
    call_command("anonymise_expired_applications", verbosity=0)


@pytest.fixture
def withdrawn(person):
    token = person.status_path.rstrip("/").rsplit("/", 1)[1]
    perform_transition(application=person.application, name="withdraw", applicant_token=token, confirm=True)
    return CityApplication.objects.get()


def test_an_application_withdrawn_just_over_24_months_ago_is_anonymised(withdrawn):
    left_in_state_ago(withdrawn, relativedelta(months=24) + ONE_DAY)

    anonymise()

    application = CityApplication.objects.get()
    assert application.applicant_name == "Erased applicant"
    assert (application.state, application.reference) == ("withdrawn", withdrawn.reference)


def test_an_application_withdrawn_just_under_24_months_ago_is_kept(withdrawn):
    left_in_state_ago(withdrawn, relativedelta(months=24) - ONE_DAY)

    anonymise()

    assert CityApplication.objects.get().applicant_name == withdrawn.applicant_name


def test_the_period_is_a_setting(withdrawn, settings):
    settings.WORKFLOW_FORMS_RETENTION_MONTHS = 6
    left_in_state_ago(withdrawn, relativedelta(months=6) + ONE_DAY)

    anonymise()

    assert CityApplication.objects.get().applicant_name == "Erased applicant"


def test_the_same_persons_submission_still_under_consideration_is_kept_however_old(withdrawn, person):
    left_in_state_ago(withdrawn, relativedelta(months=30))
    ThemeSuggestion.objects.filter(pk=person.suggestion.pk).update(updated_at=timezone.now() - relativedelta(months=40))

    anonymise()

    assert CityApplication.objects.get().applicant_name == "Erased applicant"
    assert ThemeSuggestion.objects.get().applicant_name == person.suggestion.applicant_name, "still submitted"


def test_a_dry_run_changes_nothing(withdrawn, capsys):
    left_in_state_ago(withdrawn, relativedelta(months=25))

    call_command("anonymise_expired_applications", dry_run=True)

    assert withdrawn.reference in capsys.readouterr().out
    assert CityApplication.objects.get().applicant_name == withdrawn.applicant_name
