"""A registration is a submission: the person's data export lists it and erasure empties it, like any kind's."""

import pytest

from workflows.registry import submission_for_token
from workflows.selectors.personal_data import applicant_data
from workflows.services.personal_data import applicant_erase

from ..testapp.models import WorkshopRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(workshop, register):
    return register(
        workshop,
        applicant_email="kim@seoul.example",
        organisation="Seoul Digital Foundation",
        accessibility_needs="Ramp",
    )


def test_the_data_export_lists_the_registration_with_its_fields_and_log(registered):
    exported = applicant_data(email="kim@seoul.example")

    (submission,) = exported["submissions"]
    assert submission["reference"] == registered.registration.reference
    assert submission["fields"]["organisation"] == "Seoul Digital Foundation"
    assert [entry["to_state"] for entry in submission["log"]] == ["confirmed"]


def test_erasure_empties_the_registrants_fields_and_their_link_stops_working(registered):
    applicant_erase(email="kim@seoul.example")

    erased = WorkshopRegistration.objects.get(pk=registered.registration.pk)
    assert erased.applicant_name == "Erased applicant"
    assert erased.applicant_email.endswith("@erased.invalid")
    assert (erased.organisation, erased.accessibility_needs) == ("", "")
    assert submission_for_token(registered.token) is None
