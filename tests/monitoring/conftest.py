"""The programme's seed, and an agency administrator who has confirmed the second factor."""
import pytest
from django.contrib.auth import get_user_model

from karjera.counselling import rules
from karjera.counselling.access import TOTP_SESSION_KEY
from karjera.counselling.models import StaffRole
from karjera.monitoring import analytics, seed


@pytest.fixture
def programme(db):
    return seed.load()


def make_staff(username, role):
    user = get_user_model().objects.create_user(username, password="Garš-parole-2026")
    StaffRole.objects.create(user=user, role=role)
    return user


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
