"""`load_initial_data --address HOST:PORT` (what `make run PORT=...` does through WAGTAILADMIN_BASE_URL) moves the
demo's default site to the address served at, so mail links go there; a site an administrator set stays."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.log_actions import log
from wagtail.models import Site

from home.demo.report import LoadReport
from home.demo.site import default_site_ensure, parse_address

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_initial_data", *args, stdout=out)
    return out.getvalue()


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def test_the_option_moves_the_demo_site_to_the_address_served_at_and_a_rerun_changes_nothing():
    load()
    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8000)

    output = load("--address", "127.0.0.1:8123")

    assert default_site().root_url == "http://127.0.0.1:8123"
    assert "Pointed the default site 127.0.0.1:8123" in output
    again = load("--address", "127.0.0.1:8123")
    assert "Pointed the default site" not in again
    assert default_site().root_url == "http://127.0.0.1:8123"
    load()
    assert default_site().root_url == "http://127.0.0.1:8000", "back to the default address, as make run serves it"


def test_a_site_an_administrator_moved_is_left_alone(site_tree):
    site = default_site()
    site.hostname, site.port = "clusters.example.org", 443
    site.save()

    default_site_ensure(home=site.root_page.specific, report=LoadReport(), address=("127.0.0.1", 8123))

    assert (default_site().hostname, default_site().port) == ("clusters.example.org", 443)


def test_a_local_site_edited_in_the_admin_is_left_alone(site_tree, admin_user):
    site = default_site()
    site.hostname, site.port = "localhost", 8001
    site.save()
    log(instance=site, action="wagtail.edit", user=admin_user)

    default_site_ensure(home=site.root_page.specific, report=LoadReport(), address=("127.0.0.1", 8123))

    assert (default_site().hostname, default_site().port) == ("localhost", 8001)


@pytest.mark.parametrize("value", ["8123", "127.0.0.1", "127.0.0.1:port", ":8123", "127.0.0.1:70000"])
def test_an_address_that_is_not_host_and_port_is_refused_before_anything_is_loaded(value):
    with pytest.raises(CommandError, match="HOST:PORT"):
        load("--address", value)

    assert not Site.objects.filter(hostname="127.0.0.1").exists()


def test_addresses_are_read_as_host_and_port():
    assert parse_address("LocalHost:8123") == ("localhost", 8123)
    assert parse_address("[::1]:8000") == ("::1", 8000)
