"""Shared fixtures: the real catalogue loaded once into the test database, a clean cache per test."""
import pytest
from django.conf import settings
from django.core.cache import cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from karjera.education.importer import import_directory
    from karjera.occupations import featured, loader
    from karjera.occupations.signals import catalogue_changed

    with django_db_blocker.unblock():
        loader.load(settings.DATA_DIR / "occupations.json")
        featured.load(settings.DATA_DIR / "featured")
        import_directory(settings.DATA_DIR / "education" / "demo")
        catalogue_changed()


@pytest.fixture(scope="session", autouse=True)
def _static_from_source():
    """Serve static files from the app folders: the production manifest storage needs `collectstatic`
    to have run, which a test should not depend on."""
    from django.test import override_settings

    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()
