"""The old partner-registration address (/join/company/) with hostile queries: always a permanent redirect to this
site's partner form, the query passed on as it came (never a redirect elsewhere, never a 500), and the form then
ignores what it cannot use."""

import pytest

from tests.site_forms.support import forms  # noqa: F401 - fixture

from .corpus import ODD_IDS, ODD_SEARCHES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [*ODD_IDS, *ODD_SEARCHES, "//evil.example/", "https://evil.example/"])
def test_an_odd_query_on_the_old_address_redirects_to_the_partner_form_and_the_form_still_opens(
    client,
    forms,  # noqa: F811 - the fixture
    value,
):
    response = client.get("/en/join/company/", {"cluster": value, "next": value})

    assert response.status_code == 301
    assert response["Location"].startswith("/en/join/partner/?")
    assert client.get(response["Location"]).status_code == 200
