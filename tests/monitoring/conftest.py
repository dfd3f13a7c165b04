"""The programme's seed, and an agency administrator who has confirmed the second factor."""
import pytest
from monitoring_helpers import make_staff

from karjera.counselling import rules
from karjera.counselling.access import TOTP_SESSION_KEY
from karjera.monitoring import analytics, seed


@pytest.fixture
def programme(db):
    return seed.load()


@pytest.fixture
def agency_client(client, db):
    client.force_login(make_staff("agentura", rules.AGENCY_ADMIN))
    session = client.session
    session[TOTP_SESSION_KEY] = True
    session.save()
    return client


@pytest.fixture(autouse=True)
def _fresh_salt_cache():
    analytics._salt_cache.clear()
    yield
    analytics._salt_cache.clear()
