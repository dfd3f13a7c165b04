"""TOTP against the RFC 6238 appendix B test vectors (SHA-1, 8 digits) and the verification rules."""
import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karjera.counselling import totp

SEED = b"12345678901234567890"
SECRET = base64.b32encode(SEED).decode().rstrip("=")


@pytest.mark.parametrize("t,expected", [
    (59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"),
    (1234567890, "89005924"), (2000000000, "69279037"), (20000000000, "65353130"),
])
def test_rfc6238_vectors(t, expected):
    assert totp.totp(SEED, t, digits=8) == expected


@pytest.mark.parametrize("t,expected", [
    (59, "46119246"), (1111111109, "68084774"), (1234567890, "91819424"), (20000000000, "77737706"),
])
def test_rfc6238_sha256_vectors(t, expected):
    assert totp.totp(b"12345678901234567890123456789012", t, digits=8, digest="sha256") == expected


def test_rfc4226_hotp_vectors():
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    assert [totp.hotp(SEED, c) for c in range(10)] == expected


def test_verify_accepts_one_step_of_drift_and_refuses_replays():
    now = 1_700_000_000
    code = totp.totp(SEED, now - 30)
    step = totp.verify(SECRET, code, now)
    assert step == (now - 30) // 30
    assert totp.verify(SECRET, code, now, last_counter=step) is None
    assert totp.verify(SECRET, totp.totp(SEED, now - 90), now) is None
    for bad in ("", "12345", "abcdef", "1234567", None):
        assert totp.verify(SECRET, bad, now) is None
    assert totp.verify("not base32!", "123456", now) is None


@given(st.integers(0, 10**10))
def test_current_code_always_verifies(t):
    secret = totp.new_secret()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    assert totp.verify(secret, totp.totp(key, t), t) == t // 30


def test_provisioning_uri_names_the_issuer():
    uri = totp.provisioning_uri(SECRET, "admin@example.lv")
    assert uri.startswith("otpauth://totp/Karjera:admin%40example.lv?secret=" + SECRET)
