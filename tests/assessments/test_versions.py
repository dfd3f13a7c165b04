"""A session keeps the instrument version it was taken with; a changed file needs a new version."""
import copy

import pytest

from karjera.assessments import engine
from karjera.assessments.definitions import Instrument
from karjera.assessments.models import InstrumentVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(monkeypatch):
    """Replace the instrument files the engine sees, as a content owner editing them would."""
    shipped = engine.available()["interests"]
    current = {"interests": shipped}
    monkeypatch.setattr(engine, "available", lambda: current)
    return current, shipped


def revised(instrument, version, item_text):
    data = copy.deepcopy(instrument.data)
    data["version"] = version
    data["items"][0]["text"]["lv"] = item_text
    return Instrument(data)


def test_new_version_leaves_old_sessions_untouched(files):
    current, shipped = files
    old = engine.create_session("interests", "lv")
    current["interests"] = revised(shipped, "1.1.0", "Pārskatīts jautājums")
    new = engine.create_session("interests", "lv")
    assert old.instrument_version.version == "1.0.0" and new.instrument_version.version == "1.1.0"
    old_item = next(i for i in engine.get_session(old.id).instrument.items if i["id"] == shipped.items[0]["id"])
    assert old_item["text"]["lv"] == shipped.items[0]["text"]["lv"]
    assert InstrumentVersion.objects.filter(slug="interests").count() == 2


def test_changing_a_used_version_in_place_is_refused(files):
    current, shipped = files
    engine.create_session("interests", "lv")
    current["interests"] = revised(shipped, "1.0.0", "Klusi mainīts jautājums")
    with pytest.raises(engine.Unavailable, match="give it a new version"):
        engine.create_session("interests", "lv")


def test_changing_an_unused_version_refreshes_the_frozen_copy(files):
    current, shipped = files
    engine.current_version("interests")
    current["interests"] = revised(shipped, "1.0.0", "Vēl nelietots teksts")
    row = engine.current_version("interests")
    assert row.instrument.item_index[shipped.items[0]["id"]]["text"]["lv"] == "Vēl nelietots teksts"
