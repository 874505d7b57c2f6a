"""Every public page of the plugin renders from the plugin's own templates: its ``workflows/base.html`` is the
layout, which a site may override (this site's settings add no template folder of their own)."""

import pytest

from .conftest import FORM_URL

pytestmark = pytest.mark.django_db

PAGES = {
    "form page": ("get", FORM_URL, {}),
    "lost link": ("get", "/en/applications/lost-link/", {}),
    "lost link sent": ("post", "/en/applications/lost-link/", {"email": "nobody@example.org"}),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_page_is_a_complete_accessible_document(client, apply_form, name):
    method, url, data = PAGES[name]

    response = getattr(client, method)(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="en"' in html
    assert 'id="main-content"' in html
    assert "<h1>" in html
