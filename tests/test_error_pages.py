"""With DEBUG off (as in production) a missing page and a server error answer with the site's own pages."""

import pytest
from django.template import Context, loader

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_styled_404_with_the_sites_layout(client, site_tree, settings):
    settings.DEBUG = False

    response = client.get("/en/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert 'class="main-menu"' in html and 'class="site-footer"' in html
    assert 'href="/en/search/"' in html


def test_the_500_page_renders_without_a_request_context_or_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").template.render(Context())

    assert "<h1>Something went wrong</h1>" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert 'src="/static/img/logo-mark.svg"' in html


@pytest.mark.parametrize(
    ("name", "heading"), [("500.html", "Something went wrong"), ("503.html", "This site is briefly unavailable")]
)
def test_both_standalone_error_pages_share_one_base_and_need_no_database(name, heading, django_assert_num_queries):
    template = loader.get_template(name).template
    with django_assert_num_queries(0):
        html = template.render(Context())

    assert template.nodelist[0].parent_name.var == "error_base.html"
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<main ") == 1 and 'href="#main-content"' in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html


def test_a_server_error_answers_with_the_styled_500_page(client, site_tree, settings, monkeypatch):
    settings.DEBUG = False

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
