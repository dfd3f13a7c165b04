"""Shared fixtures: the real catalogue loaded once into the test database, a clean cache per test."""
import pytest
from django.conf import settings
from django.core.cache import cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from karjera.guidance.recommend import reset_cache
    from karjera.occupations.loader import load

    with django_db_blocker.unblock():
        load(settings.DATA_DIR / "occupations.json")
        reset_cache()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()
