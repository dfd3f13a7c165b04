"""Rate limits and visitor counts key on the client's address, also behind reverse proxies."""
import pytest
from django.test import RequestFactory, override_settings

from karjera.core.ratelimit import client_address

PROXY = "10.0.0.2"


def request(forwarded=None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXIES=0)
def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address(request("198.51.100.7")) == PROXY


@override_settings(TRUSTED_PROXIES=1)
def test_one_proxy_takes_the_address_it_saw_not_what_the_client_claims():
    assert client_address(request("198.51.100.7")) == "198.51.100.7"
    # a client that sends its own X-Forwarded-For cannot choose its address
    assert client_address(request("203.0.113.1, 198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=2)
def test_two_proxies_skip_the_inner_one():
    assert client_address(request("203.0.113.1, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"


@pytest.mark.parametrize("header", ["", " , ", None])
@override_settings(TRUSTED_PROXIES=1)
def test_a_missing_or_empty_header_falls_back_to_the_connection(header):
    assert client_address(request(header)) == PROXY
