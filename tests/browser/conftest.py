"""Real-browser fixtures: one Chromium per test session, a fresh context per test, a small catalogue.

Playwright's sync API runs an event loop in this thread, so Django's async-safety check would refuse
database access from the test code; the live server itself runs in its own thread.
"""
import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
SMALL_CATALOGUE_SIZE = 300
ALWAYS_KEEP = {"pavārs"}  # by Latvian name

# Browser console noise that says nothing about the pages under test (the site has no favicon).
IGNORED_CONSOLE = ("/favicon.ico",)


# ---- database and static files ------------------------------------------------------------------


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """A private SQLite test database, so a parallel `pytest` run on var/test.sqlite3 is not disturbed."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser-db") / "test.sqlite3")


@pytest.fixture(scope="session")
def small_catalogue_file(tmp_path_factory) -> Path:
    """data/occupations.json cut down to a few hundred occupations with an interest profile."""
    data = json.loads((ROOT / "data" / "occupations.json").read_text("utf-8"))
    with_riasec = [o for o in data["occupations"] if o.get("riasec")]
    keep = with_riasec[:SMALL_CATALOGUE_SIZE]
    kept_ids = {o["id"] for o in keep}
    keep += [o for o in data["occupations"] if o["name_lv"] in ALWAYS_KEEP and o["id"] not in kept_ids]
    small = {"meta": data["meta"], "isco_groups": data["isco_groups"], "occupations": keep}
    path = tmp_path_factory.mktemp("catalogue") / "occupations.json"
    path.write_text(json.dumps(small, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture(scope="module", autouse=True)
def _restore_full_catalogue(django_db_setup, django_db_blocker):
    """Transactional tests flush every table; the rest of the suite expects the full catalogue that
    tests/conftest.py loads once, so put it back when the browser tests are done."""
    yield
    from django.conf import settings

    from karjera.guidance.recommend import reset_cache
    from karjera.occupations.loader import load

    with django_db_blocker.unblock():
        load(settings.DATA_DIR / "occupations.json")
    reset_cache()


@pytest.fixture
def site(live_server, transactional_db, small_catalogue_file):
    """The live server with the small catalogue loaded and a clean cache (rate limits, PDFs)."""
    from django.core.cache import cache

    from karjera.guidance.recommend import reset_cache
    from karjera.occupations.loader import load

    load(small_catalogue_file)
    reset_cache()
    cache.clear()
    yield live_server
    reset_cache()


# ---- the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def new_context(browser, site):
    """Factory for browser contexts on the live server; fails the test on script errors or failed
    resource loads in any page of any context it made."""
    contexts = []
    problems: list[str] = []

    def on_console(message):
        where = (message.location or {}).get("url", "")
        if message.type == "error" and not any(x in where or x in message.text for x in IGNORED_CONSOLE):
            problems.append(f"console error ({where or '?'}): {message.text}")

    def make(kind: str = "desktop", **options):
        settings = {**VIEWPORTS[kind], "base_url": site.url, "locale": "lv-LV", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(15_000)
        context.on("console", on_console)
        context.on("weberror", lambda error: problems.append(f"page error: {error.error}"))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        try:
            context.close()
        except Exception:  # already closed by the test
            pass
    assert not problems, "\n".join(problems)
