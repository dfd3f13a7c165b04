"""Mans karjeras profils: tests joined by the pupil's choice, with explanations that add up."""
import json

import pytest

from karjera.guidance import profile

pytestmark = pytest.mark.django_db


def finished(client, instrument, value_for):
    session = client.post("/api/v1/sessions", json.dumps({"instrument": instrument}), content_type="application/json").json()
    for i, item in enumerate(session["items"]):
        client.put(f"/api/v1/sessions/{session['id']}/answers/{item['id']}", json.dumps({"value": value_for(i, item)}), content_type="application/json")
    assert client.post(f"/api/v1/sessions/{session['id']}/complete").status_code == 200
    return session


@pytest.fixture
def three_tests(client):
    interests = finished(client, "interests", lambda i, item: 4 if i % 6 in (0, 1) else 0)
    def by_statement_order(i, item):  # a consistent pupil: earlier statements always matter more
        ids = [s["id"] for s in item["statements"]]
        return ids.index(min(ids)) * 5 + ids.index(max(ids))

    values = finished(client, "values", by_statement_order)
    cards = finished(client, "career_options", lambda i, item: 2 if i % 6 in (0, 1) else 0)
    return interests, values, cards


def test_profile_joins_tests_and_contributions_add_up(client, three_tests):
    interests, values, cards = three_tests
    response = client.get(f"/en/profile/?s={interests['id']}&s={values['id']}&s={cards['id']}")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) >= 20
    for row in rows:
        assert abs(sum(p["value"] for p in row["parts"]) - row["score"]) < 1e-3
        assert {p["test"] for p in row["parts"]} <= {"Interest lab", "Values scale", "Career options diagnostic"}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert "Interest lab 50%" in response.content.decode()


def test_filters_limit_to_what_the_pupil_can_start(client, three_tests):
    interests, values, cards = three_tests
    base = f"/profile/?s={interests['id']}&s={values['id']}"
    reachable = profile.reachable_occupations("after_9", "")
    rows = client.get(base + "&entry=after_9").context["rows"]
    assert rows and all(r["id"] in reachable for r in rows)
    assert client.get(base + "&entry=nonsense&region=mars").status_code == 200


def test_adding_by_resume_code_and_bad_codes(client, three_tests):
    interests, values, _ = three_tests
    response = client.post(f"/profile/?s={interests['id']}", {"code": values["resume_code"].lower()})
    assert response.status_code == 302
    assert response["Location"].endswith(f"s={interests['id']}&s={values['id']}")
    bad = client.post(f"/profile/?s={interests['id']}", {"code": "QQQQ-QQQQ"})
    assert bad.status_code == 422 and 'role="alert"' in bad.content.decode()
    unfinished = client.post("/api/v1/sessions", json.dumps({"instrument": "values"}), content_type="application/json").json()
    assert client.post("/profile/", {"code": unfinished["resume_code"]}).status_code == 422


def test_only_finished_sessions_named_count(client):
    empty = client.get("/profile/?s=AAAAAAAAAAAAAAAAAAAAAAAA").context
    assert empty["rows"] == [] and empty["sessions"] == []


def test_profile_pdf(client, three_tests, tmp_path):
    import shutil
    import subprocess

    interests, values, cards = three_tests
    response = client.get(f"/profile/report.pdf?s={interests['id']}&s={cards['id']}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    if shutil.which("pdftotext"):
        path = tmp_path / "profile.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "Mans karjeras profils" in text and "Interešu laboratorija" in text
    assert client.get("/profile/report.pdf").status_code == 302
