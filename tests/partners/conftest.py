"""Partner registrations of each organisation type, active in a cluster (as a coordinator's activation leaves them)."""

import pytest

from tests.activation.conftest import company_registration
from tests.site_forms.support import forms, private_media  # noqa: F401 - fixtures
from workflows.models import ApplicationState


@pytest.fixture
def active_partner(forms):  # noqa: F811 - the fixture above
    """``active_partner(name, organisation_type)``: an active partner of the forms' active cluster."""

    def make(name, organisation_type="company", *, consent=True, cluster=None):
        return company_registration(
            name=name,
            organisation_type=organisation_type,
            consent=consent,
            state=ApplicationState.ACTIVE,
            assigned_to=cluster or forms.active_cluster,
        )

    return make
