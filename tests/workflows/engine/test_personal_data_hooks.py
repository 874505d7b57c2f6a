"""The plugin's personal-data services on its own default kind: other apps plug in through two hooks."""

import pytest
from wagtail import hooks

from workflows.models import Application, ApplicationState
from workflows.selectors.personal_data import applicant_data
from workflows.services.personal_data import applicant_erase

S = ApplicationState
pytestmark = pytest.mark.django_db


def test_erasing_tells_other_apps_the_address_before_the_rows_change_and_reports_what_they_did(make_application):
    applied = make_application(S.REJECTED, email="Mayor@Seoul.example")
    seen = []

    def erase_account(*, email, submissions):
        seen.append((email, [s.applicant_email for s in submissions]))
        return ["Deleted the account."]

    with hooks.register_temporarily("workflow_forms_erase_applicant", erase_account):
        erasure = applicant_erase(email="mayor@seoul.example")

    assert seen == [("mayor@seoul.example", ["Mayor@Seoul.example"])]
    assert erasure.other == ["Deleted the account."]
    application = Application.objects.get(pk=applied.application.pk)
    assert (application.applicant_name, application.state) == ("Erased applicant", S.REJECTED)


def test_the_default_kind_empties_only_the_applicants_name_and_address(make_application):
    applied = make_application()

    applicant_erase(email="mayor@seoul.example")

    application = Application.objects.get(pk=applied.application.pk)
    assert Application.personal_fields == ("applicant_name", "applicant_email")
    assert application.applicant_email.endswith("@erased.invalid")
    assert application.reference == applied.application.reference


def test_other_apps_add_what_they_hold_to_the_export(make_application):
    make_application()

    def account(*, email, submissions):
        return {"member_account": {"email": email, "applications": len(submissions)}}

    with hooks.register_temporarily("workflow_forms_export_applicant_data", account):
        data = applicant_data(email="mayor@seoul.example")

    assert data["other"] == {"member_account": {"email": "mayor@seoul.example", "applications": 1}}


def test_an_erased_address_has_nothing_to_export_or_erase(make_application):
    make_application()
    applicant_erase(email="mayor@seoul.example")
    placeholder = Application.objects.get().applicant_email

    assert applicant_data(email=placeholder)["submissions"] == []
    assert applicant_erase(email=placeholder).submissions == []
