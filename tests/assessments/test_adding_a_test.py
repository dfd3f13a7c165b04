"""A content owner adds a test as a data file only (docs/instruments.md): it loads, runs and scores."""
import json
import shutil
from pathlib import Path

import pytest

from karjera.assessments import definitions, engine

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "instruments" / "mini_interests"


@pytest.fixture
def instruments_with_example(tmp_path, monkeypatch):
    folder = tmp_path / "instruments"
    shutil.copytree(definitions.INSTRUMENTS_DIR, folder)
    shutil.copytree(EXAMPLE, folder / "mini_interests")
    monkeypatch.setattr(engine, "available", lambda: definitions.latest(folder))
    return folder


def test_example_file_is_valid_on_its_own():
    instrument = definitions.load_file(EXAMPLE / "1.0.0.yaml")
    assert instrument.slug == "mini_interests" and len(instrument.items) == 12


@pytest.mark.django_db
def test_new_test_runs_from_start_to_result(client, instruments_with_example):
    listed = [i["slug"] for i in client.get("/api/v1/instruments").json()]
    assert "mini_interests" in listed
    session = client.post("/api/v1/sessions", json.dumps({"instrument": "mini_interests"}), content_type="application/json").json()
    assert len(session["items"]) == 12
    for i, item in enumerate(session["items"]):
        client.put(f"/api/v1/sessions/{session['id']}/answers/{item['id']}", json.dumps({"value": 4 if i % 6 == 2 else 1}), content_type="application/json")
    result = client.post(f"/api/v1/sessions/{session['id']}/complete").json()
    assert result["code"][0] == "A" and result["scores"]["A"] == 8
    assert client.get(f"/s/{session['id']}/result/").status_code == 200
