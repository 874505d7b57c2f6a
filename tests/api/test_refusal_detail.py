"""The API's problem ``detail`` says why a transition was refused: the state, or the role."""

import pytest

pytestmark = pytest.mark.django_db


def test_refusals_name_the_state_or_the_role(staff, submit_city):
    reviewer_api = staff["reviewer"][1]
    application, _ = submit_city()
    path = f"applications/{application.pk}/transitions"

    not_from_here = reviewer_api.post(f"{path}/resubmit/", {})
    assert not_from_here.status_code == 409
    assert not_from_here.json()["detail"] == "“Resubmit” is not possible while the application is “Submitted”."

    assert reviewer_api.post(f"{path}/review/", {}).status_code == 200
    not_yours = reviewer_api.post(f"{path}/assign/", {})
    assert not_yours.status_code == 403
    assert not_yours.json()["detail"] == "Your role does not allow “Assign” on this application."
