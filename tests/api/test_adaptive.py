"""The ability detector's adaptive mode through the API: tasks chosen from the answers, never ahead of
them, keys kept on the server, parts stopped by the documented rule, results scored on what was given."""
import json

import pytest

from karjera.assessments import engine

pytestmark = pytest.mark.django_db


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def put(client, sid, item_id, value):
    return client.put(f"/api/v1/sessions/{sid}/answers/{item_id}", json.dumps({"value": value}), content_type="application/json")


def key_of(sid, item_id):
    session = engine.get_session(sid)
    return session.instrument.generated(session.instrument.pool_index[item_id], session.id).key


def run(client, sid, right):
    """Answer every task the session is given, right or wrong as `right(item_id)` says; return the ids."""
    given = []
    while True:
        step = client.get(f"/api/v1/sessions/{sid}/next-item").json()
        if step["done"]:
            return given
        item = step["item"]
        assert step["number"] == len(given) + 6  # after the five own estimates, one at a time
        key = key_of(sid, item["id"])
        value = key if right(item["id"]) else (key + 1) % len(item["options"])
        assert put(client, sid, item["id"], value).status_code == 200
        given.append(item["id"])


def start(client):
    created = post(client, "/api/v1/sessions", {"instrument": "abilities", "mode": "adaptive"})
    assert created.status_code == 201
    body = created.json()
    assert body["mode"] == "adaptive" and [i["id"] for i in body["items"]] == ["S1", "S2", "S3", "S4", "S5"]
    for item in body["items"]:
        assert put(client, body["id"], item["id"], 3).status_code == 200
    return body


def test_instruments_list_their_modes(client):
    modes = {i["slug"]: i["modes"] for i in client.get("/api/v1/instruments").json()}
    assert modes["abilities"] == ["fixed", "adaptive"] and modes["interests"] == ["fixed"]
    refused = post(client, "/api/v1/sessions", {"instrument": "interests", "mode": "adaptive"})
    assert refused.status_code == 422 and refused.json()["field"] == "mode"


def test_tasks_come_one_at_a_time_and_cannot_be_answered_ahead(client):
    body = start(client)
    sid = body["id"]
    first = client.get(f"/api/v1/sessions/{sid}/next-item").json()
    again = client.get(f"/api/v1/sessions/{sid}/next-item").json()
    assert first == again  # asking again gives the same task
    assert first["item"]["id"].startswith("verbal-")
    assert "key" not in json.dumps(first) and '"b":' not in json.dumps(first)
    # a pool task not given yet is refused, and an unknown one is not found
    not_given = next(i for i in engine.get_session(sid).instrument.pool_index if i.startswith("numerical-"))
    refused = put(client, sid, not_given, 0)
    assert refused.status_code == 409
    assert put(client, sid, "numerical-99", 0).status_code == 404
    assert engine.get_session(sid).answers.filter(item_id=not_given).count() == 0
    # finishing early names the open task
    early = post(client, f"/api/v1/sessions/{sid}/complete")
    assert early.status_code == 409 and early.json()["unanswered"] == [first["item"]["id"]]


def test_a_full_adaptive_run_is_shorter_and_scored_on_what_was_given(client):
    body = start(client)
    sid = body["id"]
    given = run(client, sid, right=lambda item_id: True)
    instrument = engine.get_session(sid).instrument
    per_part = {st["code"]: [g for g in given if g.startswith(st["code"] + "-")] for st in instrument.data["subtests"]}
    for st in instrument.data["subtests"]:
        rule = st.get("adaptive")
        if rule:
            assert rule["min_items"] <= len(per_part[st["code"]]) <= rule["max_items"]
        else:
            assert len(per_part[st["code"]]) == st["items"]  # comparing codes is given whole
    assert len(given) <= engine.item_total(engine.get_session(sid)) - 5
    result = post(client, f"/api/v1/sessions/{sid}/complete").json()
    for code, ability in result["abilities"].items():
        assert ability["given"] == len(per_part[code]) == ability["counted"]
        assert ability["correct"] == ability["counted"]
        assert ability["level"] == "above_average"
    assert engine.get_session(sid).result["mode"] == "adaptive"


def test_wrong_answers_lead_to_easier_tasks(client):
    """Information-based choice: after wrong answers the next numerical tasks are easier than after right ones."""
    def difficulties(right):
        body = start(client)
        sid = body["id"]
        given = run(client, sid, right=lambda item_id: right)
        session = engine.get_session(sid)
        return [
            session.instrument.generated(session.instrument.pool_index[g], sid).b
            for g in given if g.startswith("numerical-")
        ]
    strong, weak = difficulties(True), difficulties(False)
    assert sum(strong[1:]) / len(strong[1:]) > sum(weak[1:]) / len(weak[1:]) + 1.0


def test_fixed_sessions_cannot_answer_pool_tasks(client):
    created = post(client, "/api/v1/sessions", {"instrument": "abilities"}).json()
    assert created["mode"] == "fixed" and created["item_count"] == 53
    assert put(client, created["id"], "numerical-20", 0).status_code == 404
