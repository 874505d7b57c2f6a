"""Who a request comes from, for every throttle: behind proxies, the address the nearest trusted proxy saw."""

import pytest
from django.test import RequestFactory

from cms.security import client_ip, client_network
from tests.conftest import PROXY


def address(forwarded_for=None, remote=PROXY) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_ip(RequestFactory().get("/", **extra))


def test_without_a_proxy_the_address_is_the_connections(settings):
    settings.CLIENT_IP_META_KEY = None

    assert address("198.51.100.61", remote="203.0.113.5") == "203.0.113.5"


def test_one_proxy_the_address_is_the_one_it_appended_not_what_the_client_wrote(deployed_behind_one_proxy):
    assert address("198.51.100.61") == "198.51.100.61"
    assert address("1.2.3.4, 198.51.100.61") == "198.51.100.61"
    assert address("anything, 5.6.7.8 ,198.51.100.61") == "198.51.100.61"


def test_with_two_trusted_proxies_the_address_is_the_second_from_the_right(deployed_behind_one_proxy):
    deployed_behind_one_proxy.TRUSTED_PROXY_COUNT = 2

    assert address("1.2.3.4, 198.51.100.61, 10.0.0.9") == "198.51.100.61"
    assert address("10.0.0.9") == PROXY, "fewer values than proxies: the header was not written by them all"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param(" , ", id="commas"),
        pytest.param("198.51.100.61, not-an-address", id="garbage-last"),
        pytest.param("<script>", id="markup"),
        pytest.param("999.1.1.1", id="out-of-range"),
        pytest.param("9" * 5000, id="long"),
    ],
)
def test_a_missing_or_malformed_header_falls_back_to_the_connections_address(deployed_behind_one_proxy, header):
    assert address(header) == PROXY


def test_a_port_the_proxy_adds_is_dropped_and_ipv6_is_normalised(deployed_behind_one_proxy):
    assert address("1.2.3.4, 198.51.100.61:51234") == "198.51.100.61"
    assert address("[2001:DB8::1]:443") == "2001:db8::1"
    assert address("2001:db8:0:0::2") == "2001:db8::2"


def test_an_empty_connection_address_still_gives_an_address_to_count_under(settings):
    settings.CLIENT_IP_META_KEY = None

    assert address(remote="") == "0.0.0.0"  # noqa: S104 - counted under, not bound to


@pytest.mark.parametrize(
    ("remote", "counted_as"),
    [
        pytest.param("2001:db8:1:2::a", "2001:db8:1:2::", id="ipv6"),
        pytest.param("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::", id="ipv6-same-64"),
        pytest.param("2001:db8:1:3::a", "2001:db8:1:3::", id="ipv6-next-64"),
        pytest.param("198.51.100.61", "198.51.100.61", id="ipv4"),
        pytest.param("::ffff:198.51.100.61", "198.51.100.61", id="ipv4-mapped"),
    ],
)
def test_an_ipv6_client_is_counted_as_its_64_network_and_ipv4_as_its_address(settings, remote, counted_as):
    settings.CLIENT_IP_META_KEY = None

    assert client_network(RequestFactory().get("/", REMOTE_ADDR=remote)) == counted_as
