"""The adaptive ability detector without JavaScript: start it, answer, be given the next task, finish."""
import re

import pytest

from karjera.assessments import engine

pytestmark = pytest.mark.django_db


def test_adaptive_version_without_javascript(client):
    intro = client.get("/tests/abilities/").content.decode()
    assert 'value="adaptive"' in intro and "Adaptīvā versija" in intro
    assert 'value="adaptive"' not in client.get("/tests/interests/").content.decode()
    response = client.post("/tests/abilities/", {"mode": "adaptive"})
    sid = re.match(r"^/s/([\w-]+)/q/1/$", response["Location"]).group(1)
    assert engine.is_adaptive(engine.get_session(sid))
    for n in range(1, 6):
        assert client.post(f"/s/{sid}/q/{n}/", {"value": "3"})["Location"] == f"/s/{sid}/q/{n + 1}/?saved=1"
    assert client.get(f"/s/{sid}/q/7/").status_code == 404  # not given before task 6 is answered
    number = 6
    while True:
        page = client.get(f"/s/{sid}/q/{number}/")
        if page.status_code == 302:
            assert page["Location"] == f"/s/{sid}/finish/"
            break
        assert page.status_code == 200 and 'name="value"' in page.content.decode()
        session = engine.get_session(sid)
        item = engine.session_items(session)[number - 1]
        key = session.instrument.generated(item, sid).key
        saved = client.post(f"/s/{sid}/q/{number}/", {"value": str(key)})
        assert saved["Location"] == f"/s/{sid}/q/{number + 1}/?saved=1"
        number += 1
    given = number - 1 - 5
    assert given <= len(engine.get_session(sid).instrument.items) - 5  # never longer than the full version
    finish = client.get(f"/s/{sid}/finish/").content.decode()
    assert 'name="action"' not in finish or "missing" not in finish
    assert client.post(f"/s/{sid}/finish/")["Location"] == f"/s/{sid}/result/"
    result = client.get(f"/s/{sid}/result/").content.decode()
    assert f"{given} uzdevum" in result  # "… N uzdevumu pietika" in Latvian
    assert client.get(f"/s/{sid}/report.pdf").status_code == 200


def test_an_unknown_version_is_refused(client):
    assert client.post("/tests/abilities/", {"mode": "turbo"}).status_code == 404
    assert client.post("/tests/interests/", {"mode": "adaptive"}).status_code == 404
