"""The applicant's status page for a kind the plugin knows nothing about: state, withdraw, edit and resubmit."""

import pytest

from workflows.services import perform_transition

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL, status_path_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client, apply_form):
    """(application, status URL path) of an application just sent through the form."""
    response = client.post(FORM_URL, apply_form.data())
    return MembershipApplication.objects.get(), status_path_in(response.content.decode())


def test_the_status_link_shows_the_kind_reference_and_state(client, applied):
    application, path = applied

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Membership application" in html
    assert application.reference in html
    assert "Received" in html
    assert "no-store" in response.headers["Cache-Control"]


def test_withdrawing_with_confirmation_withdraws_the_application(client, applied):
    _application, path = applied

    response = client.post(path + "withdraw/", {"confirm": "on"}, follow=True)

    assert MembershipApplication.objects.get().state == "withdrawn"
    assert "Your application has been withdrawn." in response.content.decode()


def test_edit_and_resubmit_saves_the_new_answers(client, applied, reviewer, apply_form):
    application, path = applied
    perform_transition(application=application, name="request_changes", user=reviewer, message="Say more.")

    form = client.get(path + "edit/")
    assert "Say more." in form.content.decode()
    assert 'value="City University"' in form.content.decode()

    client.post(path + "edit/", apply_form.data(motivation="We also train city staff."))

    application = MembershipApplication.objects.get()
    assert application.state == "submitted"
    assert application.motivation == "We also train city staff."
