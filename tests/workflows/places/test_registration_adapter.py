"""The waiting list moves on through the plugin's adapter for registration kinds: every registration kind gets
it without registering anything, and a site's own adapter for a kind keeps it by subclassing it."""

import pytest

from workflows import adapters
from workflows.places_adapter import RegistrationKindAdapter
from workflows.services.places import registration_cancel

from ..testapp.models import WorkshopRegistration
from .conftest import state_of

pytestmark = pytest.mark.django_db


class SiteRegistrationAdapter(RegistrationKindAdapter):
    """A site's adapter for its registration kind, with a side effect of its own."""

    def __init__(self):
        self.seen = []

    def after_transition(self, submission, *, name, actor, log_entry):
        super().after_transition(submission, name=name, actor=actor, log_entry=log_entry)
        self.seen.append(name)


@pytest.fixture
def kinds(monkeypatch):
    """The registry of kinds, restored after the test."""
    monkeypatch.setattr(adapters, "_kinds", dict(adapters._kinds))


def test_a_registration_kind_without_an_adapter_of_its_own_answers_with_the_plugins():
    assert isinstance(adapters.kind_adapter(WorkshopRegistration), RegistrationKindAdapter)


def test_a_sites_own_adapter_for_a_registration_kind_still_gives_a_cancelled_place_to_the_first_waiting(
    kinds, make_workshop, register
):
    site_adapter = SiteRegistrationAdapter()
    adapters.register_kind(WorkshopRegistration, site_adapter)
    workshop = make_workshop(places=1)
    holder, first, second = register(workshop), register(workshop), register(workshop)

    registration_cancel(registration=holder.registration, applicant_token=holder.token)

    assert [state_of(r.registration) for r in (holder, first, second)] == ["cancelled", "confirmed", "waiting"]
    assert site_adapter.seen == ["promote", "cancel"]
