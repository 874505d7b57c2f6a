"""Each reviewer asked for an assessment is written to in their own admin language, whatever language the person
asking works in; without a choice, in the site's language."""

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from workflows.models import ApplicationState
from workflows.services.assessments import assessments_request

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_reviewer_gets_the_request_in_their_own_admin_language(
    make_application, coordinator, reviewer, django_capture_on_commit_callbacks
):
    french = UserFactory(username="french-reviewer", groups=["Reviewers"])
    profile = UserProfile.get_for_user(french)
    profile.preferred_language = "fr"
    profile.save()
    applied = make_application(ApplicationState.SUBMITTED)

    with translation.override("ko"), django_capture_on_commit_callbacks(execute=True):
        assessments_request(submission=applied.application, reviewers=[reviewer, french], user=coordinator)

    (to_french,) = [message for message in mail.outbox if message.to == [french.email]]
    (to_reviewer,) = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert to_french.extra_headers["Content-Language"] == "fr"
    assert to_reviewer.extra_headers["Content-Language"] == "en", "no choice made: the site's language"
    assert to_french.subject != to_reviewer.subject, "the subject is translated"
