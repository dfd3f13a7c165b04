"""The ability detector: generated items per pupil, keys never sent out, server-side timing, EAP result."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from karjera.assessments import engine
from karjera.assessments.models import Answer, TestSession

pytestmark = pytest.mark.django_db


def create(client, language="lv"):
    response = client.post("/api/v1/sessions", json.dumps({"instrument": "abilities", "language": language}), content_type="application/json")
    assert response.status_code == 201
    return response.json()


def key_of(session_id, item_id):
    session = engine.get_session(session_id)
    return session.instrument.generated(session.instrument.item_index[item_id], session.id).key


def test_items_differ_between_pupils_and_carry_no_key(client):
    first, second = create(client), create(client)
    slots = [i for i in first["items"] if "-" in i["id"]]
    assert len(slots) == 48 and [i["id"] for i in first["items"][:5]] == ["S1", "S2", "S3", "S4", "S5"]
    texts_1 = [i["text"] for i in first["items"] if i["id"].startswith("numerical")]
    texts_2 = [i["text"] for i in second["items"] if i["id"].startswith("numerical")]
    assert texts_1 != texts_2  # generated anew for every pupil
    body = json.dumps(first)
    for word in ("key", "correct", "answer_key", '"a":', '"b":'):
        assert word not in body
    spatial = next(i for i in first["items"] if i["id"].startswith("spatial"))
    assert spatial["figure"].startswith("<svg") and spatial["options"][0]["svg"].startswith("<svg")
    # The HTML page of an item shows no sign of which option is right.
    html = client.get(f"/s/{first['id']}/q/6/").content.decode()
    assert "correct" not in html and "data-key" not in html


def test_full_run_scores_levels_and_compares_with_own_estimate(client):
    session = create(client)
    sid = session["id"]
    for item in session["items"]:
        if item["id"].startswith("S"):
            value = 3
        else:
            key = key_of(sid, item["id"])
            value = key if not item["id"].startswith("speed") else key  # a strong pupil: everything right
        assert client.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json").status_code == 200
    result = client.post(f"/api/v1/sessions/{sid}/complete").json()
    assert result["norms"] == "provisional"
    for code, ability in result["abilities"].items():
        assert ability["level"] == "above_average", (code, ability)
        assert ability["comparison"] == "higher"
        assert ability["low"] < ability["theta"] < ability["high"]
    html = client.get(f"/en/s/{sid}/result/").content.decode()
    assert "provisional" in html and 'role="img"' in html
    assert client.get(f"/s/{sid}/report.pdf").status_code == 200


def test_wrong_option_values_are_refused(client):
    session = create(client)
    sid = session["id"]
    speed = next(i for i in session["items"] if i["id"].startswith("speed"))
    assert client.put(f"/api/v1/sessions/{sid}/answers/{speed['id']}", json.dumps({"value": 2}), content_type="application/json").status_code == 422
    assert client.put(f"/api/v1/sessions/{sid}/answers/S1", json.dumps({"value": 0}), content_type="application/json").status_code == 422
    assert not Answer.objects.filter(session_id=sid).exists()


def test_late_answers_are_kept_but_not_counted(client):
    session = create(client)
    sid = session["id"]
    for item in session["items"]:
        value = 3 if item["id"].startswith("S") else key_of(sid, item["id"])
        client.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json")
    # The numerical part started long ago: every numerical answer came after its 300 seconds.
    stored = TestSession.objects.get(pk=sid)
    stored.timing["numerical"] = (timezone.now() - timedelta(hours=1)).isoformat()
    stored.save(update_fields=["timing"])
    result = client.post(f"/api/v1/sessions/{sid}/complete").json()
    assert len(result["late"]) == 8 and all(i.startswith("numerical") for i in result["late"])
    assert result["abilities"]["numerical"]["counted"] == 0
    assert result["abilities"]["numerical"]["level"] == "average"  # no evidence: the prior
    assert "late_answers" in result["flags"]
    assert Answer.objects.filter(session_id=sid, item_id__startswith="numerical").count() == 8


def test_calibrate_command_fits_and_results_stop_being_provisional(client):
    from django.core.management import call_command

    from karjera.assessments.models import ItemCalibration

    rng = __import__("random").Random(5)
    sessions = []
    for n in range(40):
        session = create(client)
        sid = session["id"]
        skill = rng.random()
        for item in session["items"]:
            if item["id"].startswith("S"):
                value = 3
            else:
                key = key_of(sid, item["id"])
                options = 2 if item["id"].startswith("speed") else 4
                value = key if rng.random() < skill else (key + 1) % options
            client.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json")
        client.post(f"/api/v1/sessions/{sid}/complete")
        sessions.append(sid)
    call_command("calibrate", "--min-people", "50", stdout=open("/dev/null", "w"))
    assert not ItemCalibration.objects.exists()  # too few pupils: nothing changes
    call_command("calibrate", "--min-people", "30", stdout=open("/dev/null", "w"))
    assert ItemCalibration.objects.count() == 48
    fresh = create(client)
    for item in fresh["items"]:
        value = 3 if item["id"].startswith("S") else key_of(fresh["id"], item["id"])
        client.put(f"/api/v1/sessions/{fresh['id']}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json")
    assert client.post(f"/api/v1/sessions/{fresh['id']}/complete").json()["norms"] == "calibrated"
