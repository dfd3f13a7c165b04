"""Every catalogue is complete: Latvian is the default language, so an untranslated or fuzzy Latvian
entry would show English (or a stale text) to most users."""
import re
import subprocess
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "karjera"
# English is the source language: its catalogues may leave msgstr empty, the msgid is the text.
CATALOGUES = sorted(SRC.glob("**/locale/lv/LC_MESSAGES/django.po"))
TEMPLATE_TAG = re.compile(r"{%\s*(trans|translate|blocktrans|blocktranslate)\b")


def _statistics(po: Path) -> str:
    done = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert done.returncode == 0, f"{po}: {done.stderr}"
    return done.stderr.strip()


def test_there_are_catalogues():
    assert (SRC / "locale" / "lv" / "LC_MESSAGES" / "django.po") in CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_catalogue_has_no_untranslated_or_fuzzy_entries(po):
    stats = _statistics(po)
    assert "fuzzy" not in stats and "untranslated" not in stats, f"{po.relative_to(SRC)}: {stats}"


def _apps_with_translated_templates():
    for templates in SRC.glob("*/templates"):
        if any(TEMPLATE_TAG.search(t.read_text("utf-8")) for t in templates.glob("**/*.html")):
            yield templates.parent


@pytest.mark.parametrize("app", list(_apps_with_translated_templates()), ids=lambda p: p.name)
def test_every_app_with_translatable_templates_has_a_latvian_catalogue(app):
    """An app's strings live in its own catalogue or in the project's (core and the original apps)."""
    own = app / "locale" / "lv" / "LC_MESSAGES" / "django.po"
    shared = SRC / "locale" / "lv" / "LC_MESSAGES" / "django.po"
    if own.exists():
        return
    # Apps without their own catalogue must have their template strings in the shared one.
    shared_text = shared.read_text("utf-8")
    sample = None
    for template in app.glob("templates/**/*.html"):
        match = re.search(r'{%\s*(?:trans|translate)\s+"([^"]+)"', template.read_text("utf-8"))
        if match:
            sample = match.group(1)
            break
    assert sample is None or f'msgid "{sample}"' in shared_text, (
        f"{app.name}: no locale/lv catalogue and '{sample}' is not in the project catalogue"
    )
